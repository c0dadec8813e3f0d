import { useRef, useState } from 'react';
import { API, type AvailabilityException } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import { Notice } from '../components/Notice';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
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

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

interface LeaveAndExtraSessionsProps {
  exceptions: AvailabilityException[];
  typeName: (id: string | null) => string;
  onRemoved: (id: string) => void;
}

/** Leave (no bookings at all) and extra one-off sessions, each with a Remove button. */
export function LeaveAndExtraSessions({ exceptions, typeName, onRemoved }: LeaveAndExtraSessionsProps) {
  const api = useApi();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const sorted = [...exceptions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

  async function remove(exception: AvailabilityException) {
    if (removing) return;
    const label = exceptionLabel(exception);
    setRemoving(exception.id);
    setMessage(null);
    try {
      await api.delete(API.availabilityException(exception.id));
      onRemoved(exception.id);
      setMessage({ kind: 'done', text: `Removed ${label}.` });
      headingRef.current?.focus();
    } catch (error) {
      setMessage({ kind: 'failed', text: `${capitalised(label)} could not be removed. ${problemMessage(error)}` });
    }
    setRemoving(null);
  }

  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading" tabIndex={-1} ref={headingRef}>
        Leave and extra sessions
      </h2>
      {message?.kind === 'done' && <Notice kind="success">{message.text}</Notice>}
      {message?.kind === 'failed' && (
        <p className="notice notice--error" role="alert">
          {message.text}
        </p>
      )}
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
                <button
                  type="button"
                  className="button button--secondary button--inline"
                  onClick={() => void remove(exception)}
                  aria-busy={removing === exception.id}
                  aria-disabled={removing !== null || undefined}
                >
                  {removing === exception.id ? 'Removing…' : 'Remove'}
                  <span className="visually-hidden"> {exceptionLabel(exception)}</span>
                </button>
              </TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
