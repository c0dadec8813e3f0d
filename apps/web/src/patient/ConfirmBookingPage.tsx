import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  API,
  BookAppointmentRequest,
  type Appointment,
  type AppointmentType,
  type MyAccess,
  type RouteOption,
  type Slot,
} from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { focusPageHeading } from '../components/focus-page-heading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { RadioGroup } from '../components/RadioGroup';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { useFeatures } from '../features/use-features';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { CLINIC_TIME, formatDateAndTime } from '../format/clinic-time';
import { formatPounds } from '../format/money-format';
import { routeChoice, routeLabel, routeValue } from './access-route-labels';
import { AppointmentDetails } from './AppointmentDetails';
import { BookingUnavailable } from './BookingUnavailable';
import { handoffState, readConfirmPageState, type BookedState, type BookingSetbackState, type SymptomCheckHandoff } from './booking-state';
import { ACCESS_PATH, APPOINTMENTS_PATH, BOOK_CONFIRM_PATH, BOOK_PATH } from './patient-paths';

const FIELDS = ['reason', 'access'] as const;

/** The ways this patient may pay for one appointment type: NHS, memberships, then private. Empty: they cannot book it. */
function waysToPay(access: MyAccess, appointmentTypeId: string): { type: AppointmentType | null; routes: RouteOption[] } {
  const bookable = access.bookable.find((b) => b.appointmentType.id === appointmentTypeId);
  return { type: bookable?.appointmentType ?? null, routes: bookable?.routes ?? [] };
}

function CannotBookNotice({ slot, type }: { slot: Slot; type: AppointmentType | null }) {
  return (
    <Notice>
      <p>
        You cannot book this kind of appointment ({slot.appointmentTypeName}) yet. It is not covered by an NHS registration
        or membership you have added, and it cannot be paid for privately.
      </p>
      <p>
        {type?.nhsFunded
          ? 'To book it, register with the practice for NHS appointments, or add an insurer or employer membership that covers it, in '
          : 'To book it, add an insurer or employer membership that covers it, in '}
        <Link to={ACCESS_PATH}>NHS and memberships</Link>.
      </p>
    </Notice>
  );
}

interface BookingStepProps {
  slot: Slot;
  search: string;
  /** From the symptom checker: its summary starts the reason, if the patient chose to add it. */
  symptomCheck: SymptomCheckHandoff | undefined;
}

function BookingStep({ slot, search, symptomCheck }: BookingStepProps) {
  const api = useApi();
  const navigate = useNavigate();
  const form = useFormErrors();
  const access = useApiResource<MyAccess>(API.myAccess);
  const [reason, setReason] = useState(symptomCheck?.reason ?? '');
  const [routeChosen, setRouteChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const features = useFeatures();

  // Worked out here rather than inside AsyncContent, since submitting needs the chosen way too.
  const { type, routes } = access.resource.status === 'loaded' ? waysToPay(access.resource.data, slot.appointmentTypeId) : { type: null, routes: [] };
  // The first way (NHS, then memberships, then private) is chosen until the patient picks another.
  const route = routes.find((r) => routeValue(r) === routeChosen) ?? routes[0];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !route) return;
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
        access: routeChoice(route),
      } satisfies BookAppointmentRequest);
      const state: BookedState = { booked, search };
      // Replace the step in history, so Back or reloading cannot send the same booking twice.
      navigate(BOOK_CONFIRM_PATH, { replace: true, state });
    } catch (error) {
      setBusy(false);
      if (isApiProblem(error) && (error.code === 'slot_taken' || error.code === 'not_a_slot')) {
        const state: BookingSetbackState = { setback: error.code, ...handoffState(symptomCheck) };
        navigate(`${BOOK_PATH}${search}`, { state });
        return;
      }
      // not_entitled names the payment choice; payment_declined (nothing booked or charged) is about the whole form.
      form.showProblem(error);
      // What they may book through has changed since this page loaded (a membership ended): look again.
      if (isApiProblem(error) && error.code === 'not_entitled') access.reload();
    }
  }

  const privateHint = route?.route === 'private' ? `You pay ${formatPounds(route.pricePence)} when you book.` : undefined;

  // Switched off while the patient was choosing: say so instead of offering the form (the API refuses it anyway).
  if (!features.booking) {
    return (
      <Page title="Check and book your appointment">
        <BookingUnavailable />
        <AppointmentDetails slot={slot} />
      </Page>
    );
  }

  return (
    <Page title="Check and book your appointment" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      <AppointmentDetails slot={slot} />
      <p>
        <Link to={`${BOOK_PATH}${search}`} state={handoffState(symptomCheck)}>
          Choose a different time
        </Link>
      </p>
      <AsyncContent
        resource={access.resource}
        loadingText="Checking how you can pay for this appointment…"
        failureText="We could not check how you can pay for this appointment."
        onRetry={access.reload}
      >
        {() =>
          routes.length === 0 || !route ? (
            <CannotBookNotice slot={slot} type={type} />
          ) : (
            <form onSubmit={handleSubmit} noValidate className="form">
              <TextAreaField
                id="reason"
                label="Reason for your appointment"
                hint={
                  symptomCheck?.reason
                    ? 'We have added your symptom check summary. You can change it. This helps your clinician prepare. Only they will see it.'
                    : 'This helps your clinician prepare. Only they will see it.'
                }
                value={reason}
                onChange={setReason}
                error={form.errors.reason}
                spellCheck
              />
              <RadioGroup
                id="access"
                legend="How will you pay for this appointment?"
                value={routeValue(route)}
                onChange={setRouteChosen}
                error={form.errors.access}
                options={routes.map((r) => ({
                  value: routeValue(r),
                  label: routeLabel(r),
                  hint: r === route ? privateHint : undefined,
                }))}
              />
              <SubmitButton busy={busy} busyText="Booking your appointment…">
                Book appointment
              </SubmitButton>
            </form>
          )
        }
      </AsyncContent>
    </Page>
  );
}

function BookedConfirmation({ appointment }: { appointment: Appointment }) {
  return (
    <div className="notice notice--success confirmation" role="status">
      <h2>Your appointment is booked</h2>
      <p>
        <strong>{formatDateAndTime(appointment.startsAt)}</strong> ({CLINIC_TIME}) with {appointment.clinician.name}.
      </p>
      <AppointmentDetails appointment={appointment} />
      <p>
        You can change the time or cancel it from <Link to={APPOINTMENTS_PATH}>Your appointments</Link>.
      </p>
    </div>
  );
}

/** Step 2 of booking: check the chosen time, say why, choose how to pay, and book it. */
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

  return <BookingStep slot={state.slot} search={state.search} symptomCheck={state.symptomCheck} />;
}
