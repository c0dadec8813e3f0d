import { API, type AvailabilityException } from '@confide/contract';
import { useApi } from '../api/use-api';
import { RemovalNotice } from '../components/RemovalNotice';
import { RemoveButton } from '../components/RemoveButton';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { useRemoval } from '../components/use-removal';
import { formatDateAndTime } from '../format/clinic-time';

export const EXCEPTION_KIND_LABELS: Record<AvailabilityException['kind'], string> = {
  leave: 'Leave',
  extra: 'Extra session',
};

/** "leave from Monday 12 October 2026 at 09:00 to Friday 16 October 2026 at 17:00", to follow a verb. */
export function exceptionLabel(exception: AvailabilityException): string {
  const kind = EXCEPTION_KIND_LABELS[exception.kind].toLowerCase();
  return `${kind} from ${formatDateAndTime(exception.startsAt)} to ${formatDateAndTime(exception.endsAt)}`;
}

interface LeaveAndExtraSessionsProps {
  exceptions: AvailabilityException[];
  typeName: (id: string | null) => string;
  onRemoved: (id: string) => void;
}

/** Leave (no bookings at all) and extra one-off sessions, each with a Remove button. */
export function LeaveAndExtraSessions({ exceptions, typeName, onRemoved }: LeaveAndExtraSessionsProps) {
  const api = useApi();
  const removal = useRemoval(onRemoved);
  const sorted = [...exceptions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading" tabIndex={-1} ref={removal.headingRef}>
        Leave and extra sessions
      </h2>
      <RemovalNotice message={removal.message} />
      {sorted.length === 0 ? (
        <p>You have no leave or extra sessions.</p>
      ) : (
        <ResponsiveTable
          id="exceptions"
          caption="Your leave and extra sessions, soonest first"
          captionHidden
          columns={['Kind', 'From', 'To', 'Appointment type', 'Note', 'Actions']}
        >
          {sorted.map((exception) => (
            <tr role="row" key={exception.id}>
              <TableCell column="Kind" rowHeader>
                {EXCEPTION_KIND_LABELS[exception.kind]}
              </TableCell>
              <TableCell column="From">
                <time dateTime={exception.startsAt}>{formatDateAndTime(exception.startsAt)}</time>
              </TableCell>
              <TableCell column="To">
                <time dateTime={exception.endsAt}>{formatDateAndTime(exception.endsAt)}</time>
              </TableCell>
              <TableCell column="Appointment type">
                {exception.kind === 'leave' ? 'All' : typeName(exception.appointmentTypeId)}
              </TableCell>
              <TableCell column="Note" className="reason-text">
                {exception.note ?? <span className="secondary-text">None</span>}
              </TableCell>
              <TableCell column="Actions">
                <RemoveButton
                  removal={removal}
                  id={exception.id}
                  label={exceptionLabel(exception)}
                  request={() => api.delete(API.availabilityException(exception.id))}
                />
              </TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
