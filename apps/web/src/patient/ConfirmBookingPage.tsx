import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { API, BookAppointmentRequest, type Appointment, type Slot } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { focusPageHeading } from '../components/focus-page-heading';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { formatDateAndTime } from '../format/clinic-time';
import { AppointmentDetails } from './AppointmentDetails';
import { readConfirmPageState, type BookedState, type BookingSetbackState } from './booking-state';
import { APPOINTMENTS_PATH, BOOK_CONFIRM_PATH, BOOK_PATH } from './patient-paths';

const FIELDS = ['reason'] as const;

function BookingStep({ slot, search }: { slot: Slot; search: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const form = useFormErrors();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = BookAppointmentRequest.shape.reason.safeParse(reason);
    if (!checked.success) {
      form.show({ reason: checked.error.issues[0]?.message ?? 'Tell us briefly why you want to be seen.' });
      return;
    }
    setBusy(true);
    try {
      const booked = await api.post<Appointment>(API.appointments, {
        clinicianId: slot.clinicianId,
        appointmentTypeId: slot.appointmentTypeId,
        startsAt: slot.startsAt,
        reason: checked.data,
      } satisfies BookAppointmentRequest);
      const state: BookedState = { booked, search };
      // Replace the step in history, so Back or reloading cannot send the same booking twice.
      navigate(BOOK_CONFIRM_PATH, { replace: true, state });
    } catch (error) {
      setBusy(false);
      if (isApiProblem(error) && (error.code === 'slot_taken' || error.code === 'not_a_slot')) {
        const state: BookingSetbackState = { setback: error.code };
        navigate(`${BOOK_PATH}${search}`, { state });
        return;
      }
      form.showProblem(error);
    }
  }

  return (
    <Page title="Check and book your appointment" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      <AppointmentDetails slot={slot} />
      <p>
        <Link to={`${BOOK_PATH}${search}`}>Choose a different time</Link>
      </p>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextAreaField
          id="reason"
          label="Reason for your appointment"
          hint="This helps your clinician prepare. Only they will see it."
          value={reason}
          onChange={setReason}
          error={form.errors.reason}
          spellCheck
        />
        <SubmitButton busy={busy} busyText="Booking your appointment…">
          Book appointment
        </SubmitButton>
      </form>
    </Page>
  );
}

function BookedConfirmation({ appointment }: { appointment: Appointment }) {
  return (
    <div className="notice notice--success confirmation" role="status">
      <h2>Your appointment is booked</h2>
      <p>
        <strong>{formatDateAndTime(appointment.startsAt)}</strong> (UK time) with {appointment.clinician.name}.
      </p>
      <AppointmentDetails appointment={appointment} />
      <p>
        You can change the time or cancel it from <Link to={APPOINTMENTS_PATH}>Your appointments</Link>.
      </p>
    </div>
  );
}

/** Step 2 of booking: check the chosen time, say why, and book it. */
export function ConfirmBookingPage() {
  const location = useLocation();
  const state = readConfirmPageState(location.state);
  const bookedId = state?.step === 'booked' ? state.booked.id : null;

  // Booking replaces this step in place (same address), so move focus to the new heading here.
  useEffect(() => {
    if (bookedId) focusPageHeading();
  }, [bookedId]);

  if (state === null) {
    return (
      <Page title="Choose a time first">
        <p>To book an appointment, first choose one of the free times.</p>
        <p>
          <Link to={BOOK_PATH}>Find a time</Link>
        </p>
      </Page>
    );
  }

  if (state.step === 'booked') {
    return (
      <Page title="Appointment booked">
        <BookedConfirmation appointment={state.booked} />
        <p>
          <Link to={BOOK_PATH}>Book another appointment</Link>
        </p>
      </Page>
    );
  }

  return <BookingStep slot={state.slot} search={state.search} />;
}
