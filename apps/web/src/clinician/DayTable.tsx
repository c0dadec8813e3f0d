import { Link } from 'react-router';
import type { Appointment } from '@confide/contract';
import { callPath } from '../call/call-paths';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { MODE_LABELS, STATUS_LABELS } from '../format/appointment-labels';
import { formatLongDate, formatTimeRange } from '../format/clinic-time';
import { canMarkCompleted, canMarkMissed, consultationOf, dayRowId, patientAtTime } from './appointment-outcomes';
import { consultationNotesPath, patientDetailPath } from './clinician-paths';

export type Outcome = 'completed' | 'no_show';

interface OutcomeActionsProps {
  appointment: Appointment;
  now: number;
  /** The appointment whose outcome is being saved, if any. */
  saving: string | null;
  onOutcome: (appointment: Appointment, outcome: Outcome) => void;
}

function OutcomeButton({ appointment, outcome, saving, onOutcome, children }: Omit<OutcomeActionsProps, 'now'> & { outcome: Outcome; children: string }) {
  const busy = saving === appointment.id;
  return (
    <button
      type="button"
      className="button button--secondary button--inline"
      onClick={() => onOutcome(appointment, outcome)}
      aria-busy={busy}
      aria-disabled={saving !== null || undefined}
    >
      {busy ? 'Saving…' : children}
      <span className="visually-hidden"> for {patientAtTime(appointment)}</span>
    </button>
  );
}

/** Join the call while it is on; the notes once it has started. */
function ConsultationLinks({ appointment }: { appointment: Appointment }) {
  const consultationId = consultationOf(appointment);
  const { status, patient } = appointment;
  if (!consultationId) return null;
  return (
    <>
      {status === 'in_consultation' && (
        <li>
          <Link to={callPath('clinician', consultationId)} className="button button--inline">
            Join the call with {patient.name}
          </Link>
        </li>
      )}
      <li>
        <Link to={consultationNotesPath(consultationId)}>Notes for {patient.name}</Link>
      </li>
    </>
  );
}

function OutcomeActions({ appointment, now, ...props }: OutcomeActionsProps) {
  const completable = canMarkCompleted(appointment);
  const missable = canMarkMissed(appointment, now);
  if (!completable && !missable && !consultationOf(appointment)) return <span className="secondary-text">None</span>;
  return (
    <ul className="inline-actions">
      <ConsultationLinks appointment={appointment} />
      {completable && (
        <li>
          <OutcomeButton appointment={appointment} outcome="completed" {...props}>
            Mark completed
          </OutcomeButton>
        </li>
      )}
      {missable && (
        <li>
          <OutcomeButton appointment={appointment} outcome="no_show" {...props}>
            Mark as missed
          </OutcomeButton>
        </li>
      )}
    </ul>
  );
}

interface DayTableProps extends Omit<OutcomeActionsProps, 'appointment'> {
  date: string;
  appointments: Appointment[];
}

/** One day's appointments in time order, with "Mark completed" or "Mark as missed" where they apply. */
export function DayTable({ date, appointments, ...actions }: DayTableProps) {
  if (appointments.length === 0) return <p>No appointments on this day.</p>;
  const sorted = [...appointments].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <ResponsiveTable
      id="day-appointments"
      caption={`Appointments on ${formatLongDate(date)}`}
      columns={['Time', 'Patient', 'Type', 'Mode', 'Reason', 'Status', 'Actions']}
    >
      {sorted.map((appointment) => (
        <tr role="row" key={appointment.id}>
          <TableCell column="Time" rowHeader className="nowrap" id={dayRowId(appointment.id)} tabIndex={-1}>
            <time dateTime={appointment.startsAt}>{formatTimeRange(appointment.startsAt, appointment.endsAt)}</time>
          </TableCell>
          <TableCell column="Patient">
            <Link to={patientDetailPath(appointment.patient.id)}>{appointment.patient.name}</Link>
          </TableCell>
          <TableCell column="Type">{appointment.appointmentType.name}</TableCell>
          <TableCell column="Mode">{MODE_LABELS[appointment.appointmentType.mode]}</TableCell>
          <TableCell column="Reason" className="reason-text">
            {appointment.reason}
          </TableCell>
          <TableCell column="Status">{STATUS_LABELS[appointment.status]}</TableCell>
          <TableCell column="Actions">
            <OutcomeActions appointment={appointment} {...actions} />
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
