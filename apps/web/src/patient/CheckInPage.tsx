import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { API, type Appointment } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useLiveResource } from '../api/use-live-resource';
import { callPath } from '../call/call-paths';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { focusPageHeading } from '../components/focus-page-heading';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { useNow } from '../components/use-now';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { formatTime } from '../format/clinic-time';
import { AppointmentDetails } from './AppointmentDetails';
import { AppointmentNotFound } from './AppointmentNotFound';
import { checkInOpensAt, isCheckInAhead, isCheckInOpen } from './appointment-timing';
import { DeviceCheck, type DeviceCheckOutcome } from './DeviceCheck';
import { APPOINTMENTS_PATH } from './patient-paths';

/** How often a waiting patient's page asks whether the clinician has let them in. */
const WAITING_POLL_MS = 5_000;

export const CHECKED_IN_MESSAGE = "You're checked in. Your clinician will let you in shortly.";

const ENDED_MESSAGES: Partial<Record<Appointment['status'], string>> = {
  completed: 'This appointment has finished.',
  no_show: 'This appointment was recorded as missed. If you think this is wrong, contact the clinic.',
  cancelled: 'This appointment has been cancelled.',
};

/** Said (politely) as the patient's place in the waiting room changes; stays on the page so each change is read out. */
function WaitingStatus({ appointment }: { appointment: Appointment }) {
  const { status, consultationId } = appointment;
  return (
    <div role="status" className="waiting-status">
      {status === 'checked_in' && (
        <div className="notice notice--success">
          <p>{CHECKED_IN_MESSAGE}</p>
        </div>
      )}
      {status === 'in_consultation' && (
        <div className="notice notice--success">
          <h2>Your clinician is ready</h2>
          <p>Your consultation is starting.</p>
          {consultationId && (
            <p>
              <Link to={callPath('patient', consultationId)} className="button">
                Join your consultation
              </Link>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function WaitingRoomHelp({ appointment, refreshFailed }: { appointment: Appointment; refreshFailed: boolean }) {
  const video = appointment.appointmentType.mode === 'video';
  return (
    <section aria-labelledby="waiting-heading" className="waiting-room">
      <h2 id="waiting-heading">You are in the waiting room</h2>
      <p>Keep this page open. It will show here when your clinician is ready, usually around your appointment time.</p>
      <p>
        {video
          ? 'If the video call does not work, your clinician will phone you on your mobile number instead.'
          : 'If the call does not work, your clinician will phone you on your mobile number instead.'}
      </p>
      {refreshFailed && <p className="secondary-text">We could not check for news just now. We will keep trying.</p>}
    </section>
  );
}

interface CheckInFormProps {
  appointment: Appointment;
  now: number;
  busy: boolean;
  onCheckIn: (event: FormEvent<HTMLFormElement>) => void;
}

function CheckInSteps({ appointment, now, busy, onCheckIn }: CheckInFormProps) {
  const [devices, setDevices] = useState<DeviceCheckOutcome | 'unchecked'>('unchecked');
  const video = appointment.appointmentType.mode === 'video';
  const open = isCheckInOpen(appointment, now);

  return (
    <>
      {!open && isCheckInAhead(appointment, now) && (
        <p className="check-in-time">
          You can check in from {formatTime(checkInOpensAt(appointment))}. You can check your {video ? 'camera and microphone' : 'microphone'} now.
        </p>
      )}
      <section aria-labelledby="device-check-heading">
        <h2 id="device-check-heading">{video ? 'Check your camera and microphone' : 'Check your microphone'}</h2>
        <p>
          {video
            ? 'Your appointment is a video call. Checking your camera and microphone first helps it start on time.'
            : 'Your appointment is a phone call through this website. Checking your microphone first helps it start on time.'}
        </p>
        <DeviceCheck withCamera={video} onChecked={setDevices} />
      </section>
      {open && (
        <section aria-labelledby="arrive-heading">
          <h2 id="arrive-heading">Tell your clinician you are here</h2>
          <form onSubmit={onCheckIn} noValidate className="form">
            {devices === 'problem' ? (
              <p className="notice notice--warning" id="check-in-warning">
                <strong>Your {video ? 'camera or microphone' : 'microphone'} is not working yet.</strong> You can still check in. If the call
                does not work, your clinician can phone you instead.
              </p>
            ) : devices === 'unchecked' ? (
              <p className="hint" id="check-in-warning">
                We suggest you check your {video ? 'camera and microphone' : 'microphone'} first.
              </p>
            ) : null}
            <SubmitButton busy={busy} busyText="Checking in…" describedBy={devices === 'ok' ? undefined : 'check-in-warning'}>
              Check in now
            </SubmitButton>
          </form>
        </section>
      )}
    </>
  );
}

function CheckInContent({ appointment, refreshFailed, busy, onCheckIn }: { appointment: Appointment; refreshFailed: boolean } & Omit<CheckInFormProps, 'appointment' | 'now'>) {
  // Check-in opens (and closes) as time passes: look again every few seconds.
  const now = useNow(5_000);
  const { status } = appointment;
  const checkable = status === 'booked' && now < Date.parse(appointment.endsAt);
  const ended = ENDED_MESSAGES[status] ?? (status === 'booked' && !checkable ? 'The time for this appointment has passed.' : null);

  return (
    <>
      <WaitingStatus appointment={appointment} />
      {status === 'checked_in' && <WaitingRoomHelp appointment={appointment} refreshFailed={refreshFailed} />}
      <AppointmentDetails appointment={appointment} />
      {checkable && <CheckInSteps appointment={appointment} now={now} busy={busy} onCheckIn={onCheckIn} />}
      {ended && <p>{ended}</p>}
      <p>
        <Link to={APPOINTMENTS_PATH}>Back to your appointments</Link>
      </p>
    </>
  );
}

/**
 * Check in: a camera and microphone check, then "Check in now". Once checked in the page becomes the
 * waiting room, asking every few seconds whether the clinician has let the patient in.
 */
export function CheckInPage() {
  const { appointmentId = '' } = useParams();
  const api = useApi();
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const { resource, reload, update, refresh, refreshFailed } = useLiveResource<Appointment>(API.appointment(appointmentId), {
    pollMs: WAITING_POLL_MS,
    pollWhile: (appointment) => appointment.status === 'checked_in',
  });
  const status = resource.status === 'loaded' ? resource.data.status : null;

  // Checking in replaces the form in place (same address): continue from the top of the page.
  const [checkedInHere, setCheckedInHere] = useState(false);
  useEffect(() => {
    if (checkedInHere) focusPageHeading();
  }, [checkedInHere]);

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <AppointmentNotFound />;
  }

  async function handleCheckIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    form.clear();
    try {
      const checkedIn = await api.post<Appointment>(API.checkIn(appointmentId), {});
      update(() => checkedIn);
      setCheckedInHere(true);
    } catch (error) {
      form.showProblem(error);
      // Perhaps it changed meanwhile (cancelled, or the time has passed): show it as it is now.
      if (isApiProblem(error) && error.status === 409) void refresh();
    }
    setBusy(false);
  }

  return (
    <Page title="Check in" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, [], form.formError)} focusKey={form.attempt} />
      <div aria-busy={resource.status === 'loading'}>
        <AsyncContent resource={resource} loadingText="Loading your appointment…" failureText="Your appointment could not be loaded." onRetry={reload}>
          {(appointment) => <CheckInContent appointment={appointment} refreshFailed={refreshFailed && status === 'checked_in'} busy={busy} onCheckIn={handleCheckIn} />}
        </AsyncContent>
      </div>
    </Page>
  );
}
