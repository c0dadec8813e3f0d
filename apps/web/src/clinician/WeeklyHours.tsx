import { API, type AvailabilityRule } from '@confide/contract';
import { useApi } from '../api/use-api';
import { RemovalNotice } from '../components/RemovalNotice';
import { RemoveButton } from '../components/RemoveButton';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { useRemoval } from '../components/use-removal';
import { weeklyHoursLabel } from '../format/appointment-labels';
import { shortTime, weekdayName } from '../format/clinic-time';
import { formatCalendarDate } from '../format/date-format';

export function ruleLabel(rule: AvailabilityRule, typeName: (id: string | null) => string): string {
  return weeklyHoursLabel(rule.weekday, shortTime(rule.startTime), shortTime(rule.endTime), typeName(rule.appointmentTypeId));
}

function sortRules(rules: readonly AvailabilityRule[]): AvailabilityRule[] {
  return [...rules].sort(
    (a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime) || a.validFrom.localeCompare(b.validFrom),
  );
}

interface WeeklyHoursProps {
  rules: AvailabilityRule[];
  typeName: (id: string | null) => string;
  onRemoved: (id: string) => void;
}

/** The clinician's repeating weekly hours, each with a Remove button. */
export function WeeklyHours({ rules, typeName, onRemoved }: WeeklyHoursProps) {
  const api = useApi();
  const removal = useRemoval(onRemoved);

  return (
    <section aria-labelledby="weekly-hours-heading">
      <h2 id="weekly-hours-heading" tabIndex={-1} ref={removal.headingRef}>
        Weekly hours
      </h2>
      <RemovalNotice message={removal.message} />
      {rules.length === 0 ? (
        <p>You have no weekly hours yet. Patients cannot book you until you add some.</p>
      ) : (
        <ResponsiveTable
          id="weekly-hours"
          caption="Your weekly hours"
          captionHidden
          columns={['Day', 'From', 'To', 'Appointment type', 'From date', 'Until', 'Actions']}
        >
          {sortRules(rules).map((rule) => (
            <tr role="row" key={rule.id}>
              <TableCell column="Day" rowHeader>
                {weekdayName(rule.weekday)}
              </TableCell>
              <TableCell column="From">{shortTime(rule.startTime)}</TableCell>
              <TableCell column="To">{shortTime(rule.endTime)}</TableCell>
              <TableCell column="Appointment type">{typeName(rule.appointmentTypeId)}</TableCell>
              <TableCell column="From date">{formatCalendarDate(rule.validFrom)}</TableCell>
              <TableCell column="Until">{rule.validUntil ? formatCalendarDate(rule.validUntil) : 'No end date'}</TableCell>
              <TableCell column="Actions">
                <RemoveButton
                  removal={removal}
                  id={rule.id}
                  label={ruleLabel(rule, typeName)}
                  request={() => api.delete(API.availabilityRule(rule.id))}
                />
              </TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
