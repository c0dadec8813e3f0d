import { useRef, useState } from 'react';
import { API, type AvailabilityRule } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import { Notice } from '../components/Notice';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);

  async function remove(rule: AvailabilityRule) {
    if (removing) return;
    const label = ruleLabel(rule, typeName);
    setRemoving(rule.id);
    setMessage(null);
    try {
      await api.delete(API.availabilityRule(rule.id));
      onRemoved(rule.id);
      setMessage({ kind: 'done', text: `Removed ${label}.` });
      // The button that had focus has gone: continue from the top of this list.
      headingRef.current?.focus();
    } catch (error) {
      setMessage({ kind: 'failed', text: `${label} could not be removed. ${problemMessage(error)}` });
    }
    setRemoving(null);
  }

  return (
    <section aria-labelledby="weekly-hours-heading">
      <h2 id="weekly-hours-heading" tabIndex={-1} ref={headingRef}>
        Weekly hours
      </h2>
      {message?.kind === 'done' && <Notice kind="success">{message.text}</Notice>}
      {message?.kind === 'failed' && (
        <p className="notice notice--error" role="alert">
          {message.text}
        </p>
      )}
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
                <button
                  type="button"
                  className="button button--secondary button--inline"
                  onClick={() => void remove(rule)}
                  aria-busy={removing === rule.id}
                  aria-disabled={removing !== null || undefined}
                >
                  {removing === rule.id ? 'Removing…' : 'Remove'}
                  <span className="visually-hidden"> {ruleLabel(rule, typeName)}</span>
                </button>
              </TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
