import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { API, type Appointment, type AppointmentList } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { callPath } from '../call/call-paths';
import { AsyncContent } from '../components/AsyncContent';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { useNow } from '../components/use-now';
import { MODE_LABELS, STATUS_LABELS } from '../format/appointment-labels';
import { CLINIC_TIME, formatDateAndTime, formatDateOf, formatTime, formatTimeRange } from '../format/clinic-time';
import { paidByLabel } from './access-route-labels';
import { checkInOpensAt, isChangeable, isCheckInAhead, isCheckInOpen, isInWaitingRoom, splitAppointments } from './appointment-timing';
import { readAppointmentChanged } from './booking-state';
import { BOOK_PATH, cancelAppointmentPath, changeAppointmentTimePath, checkInPath, consultationSummaryPath } from './patient-paths';

function ChangeLinks({ appointment, when }: { appointment: Appointment; when: string }) {
  return (
    <ul className="inline-actions">
      <li>
        <Link to={changeAppointmentTimePath(appointment.id)}>
          Change time<span className="visually-hidden"> of your appointment on {when}</span>
        </Link>
      </li>
      <li>
        <Link to={cancelAppointmentPath(appointment.id)}>
          Cancel<span className="visually-hidden"> your appointment on {when}</span>
        </Link>
      </li>
    </ul>
  );
}

/** What the patient can do with an appointment at `now` (check in, join, change, cancel, read the summary), or null. */
function actionsFor(appointment: Appointment, now: number): ReactNode | null {
  const when = formatDateAndTime(appointment.startsAt);
  const changeable = isChangeable(appointment, now);
  const { status, consultationId } = appointment;
  const forWhich = <span className="visually-hidden"> for your appointment on {when}</span>;

  let main: ReactNode = null;
  if (isCheckInOpen(appointment, now)) {
    main = (
      <Link to={checkInPath(appointment.id)} className="button button--inline check-in-link">
        Check in{forWhich}
      </Link>
    );
  } else if (status === 'in_consultation' && consultationId) {
    main = (
      <Link to={callPath('patient', consultationId)} className="button button--inline check-in-link">
        Join your consultation{forWhich}
      </Link>
    );
  } else if (isInWaitingRoom(appointment, now)) {
    main = (
      <Link to={checkInPath(appointment.id)} className="button button--inline check-in-link">
        {status === 'in_consultation' ? 'Join your consultation' : 'Go to the waiting room'}
        {forWhich}
      </Link>
    );
  } else if (isCheckInAhead(appointment, now)) {
    main = <p className="check-in-time">You can check in from {formatTime(checkInOpensAt(appointment))}</p>;
  } else if (status === 'completed' && consultationId) {
    main = (
      <Link to={consultationSummaryPath(consultationId)}>
        Consultation summary{forWhich}
      </Link>
    );
  }

  if (!main && !changeable) return null;
  return (
    <div className="appointment-actions">
      {main}
      {changeable && <ChangeLinks appointment={appointment} when={when} />}
    </div>
  );
}

interface AppointmentTableProps {
  id: string;
  caption: string;
  appointments: Appointment[];
  /** Each one's actions (check in, join, change, cancel, summary) as they stand at this time. */
  now: number;
  /** `always` for upcoming appointments; `when-any`: only if at least one has something to do. */
  actionsColumn: 'always' | 'when-any';
}

function AppointmentTable({ id, caption, appointments, now, actionsColumn }: AppointmentTableProps) {
  const actions = new Map(appointments.map((appointment) => [appointment.id, actionsFor(appointment, now)]));
  const withActions = actionsColumn === 'always' || [...actions.values()].some((action) => action !== null);
  // Only appointments booked before access routes existed have no "Paid by".
  const withPaidBy = appointments.some((appointment) => appointment.access !== null);
  const columns = ['Date and time', 'Clinician', 'Type', 'Mode', 'Status'];
  if (withPaidBy) columns.push('Paid by');
  if (withActions) columns.push('Actions');
  return (
    <ResponsiveTable id={id} caption={caption} captionHidden columns={columns}>
      {appointments.map((appointment) => (
        <tr role="row" key={appointment.id}>
          <TableCell column="Date and time" rowHeader>
            <time dateTime={appointment.startsAt}>
              {formatDateOf(appointment.startsAt)}
              <span className="block">{formatTimeRange(appointment.startsAt, appointment.endsAt)}</span>
            </time>
          </TableCell>
          <TableCell column="Clinician">{appointment.clinician.name}</TableCell>
          <TableCell column="Type">{appointment.appointmentType.name}</TableCell>
          <TableCell column="Mode">{MODE_LABELS[appointment.appointmentType.mode]}</TableCell>
          <TableCell column="Status">{STATUS_LABELS[appointment.status]}</TableCell>
          {withPaidBy && <TableCell column="Paid by">{paidByLabel(appointment) ?? ''}</TableCell>}
          {withActions && <TableCell column="Actions">{actions.get(appointment.id) ?? <span className="secondary-text">None</span>}</TableCell>}
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function AppointmentLists({ items }: { items: Appointment[] }) {
  // Check-in opens, and changes close, as time passes: look again every few seconds.
  const now = useNow(15_000);
  const { upcoming, past } = splitAppointments(items, now);
  return (
    <>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming appointments</h2>
        {upcoming.length === 0 ? (
          <p>You have no upcoming appointments.</p>
        ) : (
          <AppointmentTable id="upcoming-appointments" caption="Upcoming appointments, soonest first" appointments={upcoming} now={now} actionsColumn="always" />
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past and cancelled appointments</h2>
        {past.length === 0 ? (
          <p>You have no past or cancelled appointments.</p>
        ) : (
          <AppointmentTable id="past-appointments" caption="Past and cancelled appointments, newest first" appointments={past} now={now} actionsColumn="when-any" />
        )}
      </section>
    </>
  );
}

/** The patient's appointments: upcoming ones (to check in to, change or cancel) and the rest. */
export function AppointmentsPage() {
  const location = useLocation();
  const changed = readAppointmentChanged(location.state);
  const { resource, reload } = useApiResource<AppointmentList>(API.appointments);

  return (
    <Page title="Your appointments">
      {changed && (
        <Notice kind="success">
          <p>
            {changed.changed === 'cancelled'
              ? `Your appointment on ${formatDateAndTime(changed.startsAt)} has been cancelled.`
              : `Your appointment has been moved to ${formatDateAndTime(changed.startsAt)}.`}
          </p>
        </Notice>
      )}
      <p>
        <Link to={BOOK_PATH} className="button">
          Book an appointment
        </Link>
      </p>
      <p>Times are {CLINIC_TIME}.</p>
      <AsyncContent resource={resource} loadingText="Loading your appointments…" failureText="Your appointments could not be loaded." onRetry={reload}>
        {(list) => <AppointmentLists items={list.items} />}
      </AsyncContent>
    </Page>
  );
}
