import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { API, type Appointment, type AppointmentList } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import type { LiveResource } from '../api/use-live-resource';
import { callPath } from '../call/call-paths';
import { AsyncContent } from '../components/AsyncContent';
import { RemovalNotice } from '../components/RemovalNotice';
import type { RemovalMessage } from '../components/use-removal';
import { MODE_SHORT_LABELS } from '../format/appointment-labels';
import { formatTime, formatTimeRange } from '../format/clinic-time';

/** "No one is waiting.", "1 patient waiting", "3 patients waiting". */
export function waitingCountText(count: number): string {
  if (count === 0) return 'No one is waiting.';
  return count === 1 ? '1 patient waiting' : `${count} patients waiting`;
}

interface WaitingRoomProps {
  /** The waiting patients, kept fresh by the page (it polls). */
  waiting: LiveResource<AppointmentList>;
  /** After a patient is admitted, with the appointment as it now is (in progress). */
  onAdmitted: (appointment: Appointment) => void;
}

interface WaitingPatientProps {
  appointment: Appointment;
  admitting: string | null;
  onAdmit: (appointment: Appointment) => void;
}

function WaitingPatient({ appointment, admitting, onAdmit }: WaitingPatientProps) {
  const name = appointment.patient.name;
  const busy = admitting === appointment.id;
  return (
    <li className="card waiting-card">
      <h3 className="card__title">{name}</h3>
      <p>
        <time dateTime={appointment.startsAt}>{formatTimeRange(appointment.startsAt, appointment.endsAt)}</time>,{' '}
        {appointment.appointmentType.name} ({MODE_SHORT_LABELS[appointment.appointmentType.mode]})
      </p>
      <p className="reason-text">
        <span className="secondary-text">Reason: </span>
        {appointment.reason}
      </p>
      {appointment.checkedInAt && (
        <p>
          Waiting since <time dateTime={appointment.checkedInAt}>{formatTime(appointment.checkedInAt)}</time>
        </p>
      )}
      <button
        type="button"
        className="button"
        onClick={() => onAdmit(appointment)}
        aria-busy={busy}
        aria-disabled={admitting !== null || undefined}
      >
        {busy ? `Admitting ${name}…` : `Admit ${name}`}
      </button>
    </li>
  );
}

/**
 * Patients who have checked in and are waiting for this clinician, earliest appointment first, each with
 * "Admit". The count is announced (politely) only when it changes, not on every refresh.
 */
export function WaitingRoom({ waiting, onAdmitted }: WaitingRoomProps) {
  const api = useApi();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [admitting, setAdmitting] = useState<string | null>(null);
  const [message, setMessage] = useState<RemovalMessage | null>(null);
  /** The patient just admitted, whose call the clinician can join from here. */
  const [admitted, setAdmitted] = useState<Appointment | null>(null);
  const joinRef = useRef<HTMLAnchorElement>(null);
  const { resource, reload, update, refresh, refreshFailed } = waiting;

  // Their Admit button has gone: continue from the link to join their call (or the top of the waiting room).
  const [focusAfterAdmit, setFocusAfterAdmit] = useState(0);
  useEffect(() => {
    if (focusAfterAdmit === 0) return;
    (joinRef.current ?? headingRef.current)?.focus();
  }, [focusAfterAdmit]);

  async function admit(appointment: Appointment) {
    if (admitting) return;
    const name = appointment.patient.name;
    setAdmitting(appointment.id);
    setMessage(null);
    setAdmitted(null);
    try {
      const started = await api.post<Appointment>(API.admit(appointment.id), {});
      update((list) => ({ items: list.items.filter((item) => item.id !== appointment.id) }));
      onAdmitted(started);
      setMessage({ kind: 'done', text: `${name} admitted. The consultation has started.` });
      setAdmitted(started);
      setFocusAfterAdmit((n) => n + 1);
    } catch (error) {
      setMessage({ kind: 'failed', text: `${name} could not be admitted. ${problemMessage(error)}` });
    }
    setAdmitting(null);
    void refresh();
  }

  return (
    <section aria-labelledby="waiting-room-heading" className="waiting-room-panel">
      <h2 id="waiting-room-heading" tabIndex={-1} ref={headingRef}>
        Waiting room
      </h2>
      <RemovalNotice message={message} />
      {admitted?.consultationId && (
        <p>
          <Link to={callPath('clinician', admitted.consultationId)} className="button" ref={joinRef}>
            Join the call with {admitted.patient.name}
          </Link>
        </p>
      )}
      {/* Its text changes only when the number waiting does, so refreshing every few seconds stays quiet. */}
      <p role="status" className="waiting-count">
        {resource.status === 'loaded' ? waitingCountText(resource.data.items.length) : ''}
      </p>
      <div aria-busy={resource.status === 'loading'}>
        <AsyncContent resource={resource} loadingText="Loading the waiting room…" failureText="The waiting room could not be loaded." onRetry={reload}>
          {(list) =>
            list.items.length > 0 && (
              <ul className="card-list" aria-labelledby="waiting-room-heading">
                {list.items.map((appointment) => (
                  <WaitingPatient key={appointment.id} appointment={appointment} admitting={admitting} onAdmit={(a) => void admit(a)} />
                ))}
              </ul>
            )
          }
        </AsyncContent>
      </div>
      {refreshFailed && <p className="secondary-text">The waiting room could not be updated just now. We will keep trying.</p>}
    </section>
  );
}
