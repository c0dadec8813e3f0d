import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { API, type Appointment, type RescheduleAppointmentRequest, type Slot, type SlotList as SlotListData } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import { CLINIC_TIME, formatDateOf, formatTime, todayIn } from '../format/clinic-time';
import { AppointmentDetails } from './AppointmentDetails';
import { AppointmentNotFound } from './AppointmentNotFound';
import { isChangeable } from './appointment-timing';
import { BOOKING_SETBACK_MESSAGES, type AppointmentChangedState } from './booking-state';
import { APPOINTMENTS_PATH } from './patient-paths';
import { slotDetails, slotsPath } from './slot-search';
import { SlotList } from './SlotList';

const SEARCH_DAYS = 7;

function slotKey(slot: Slot): string {
  return `${slot.clinicianId}:${slot.startsAt}`;
}

/** Free times for the same appointment type over the next week; choosing one moves the appointment there. */
function NewTimes({ appointment, form }: { appointment: Appointment; form: FormErrors }) {
  const api = useApi();
  const navigate = useNavigate();
  const path = slotsPath({
    appointmentTypeId: appointment.appointmentType.id,
    profession: appointment.clinician.profession,
    date: todayIn(),
    days: SEARCH_DAYS,
  });
  const { resource, reload } = useApiResource<SlotListData>(path);
  const [moving, setMoving] = useState<string | null>(null);

  async function moveTo(slot: Slot) {
    if (moving) return;
    setMoving(slotKey(slot));
    try {
      const body: RescheduleAppointmentRequest = { clinicianId: slot.clinicianId, startsAt: slot.startsAt };
      const moved = await api.post<Appointment>(API.rescheduleAppointment(appointment.id), body);
      const state: AppointmentChangedState = { changed: 'moved', startsAt: moved.startsAt };
      navigate(APPOINTMENTS_PATH, { state });
    } catch (error) {
      setMoving(null);
      if (isApiProblem(error) && (error.code === 'slot_taken' || error.code === 'not_a_slot')) {
        form.show({}, BOOKING_SETBACK_MESSAGES[error.code]);
        reload();
      } else {
        form.showProblem(error);
      }
    }
  }

  return (
    <section aria-labelledby="new-times-heading" aria-busy={resource.status === 'loading'}>
      <h2 id="new-times-heading">Choose a new time</h2>
      <p>
        Free times for a {appointment.appointmentType.name} over the next {SEARCH_DAYS} days, in {CLINIC_TIME}. Choosing a time
        moves your appointment to it straight away.
      </p>
      <AsyncContent resource={resource} loadingText="Finding times…" failureText="The free times could not be loaded." onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p role="status">No other times are free in the next {SEARCH_DAYS} days. You can keep this appointment, or cancel it and book again later.</p>
          ) : (
            <SlotList slots={items} id="new-times" labelledBy="new-times-heading" dayHeadings>
              {(slot) => {
                const busy = moving === slotKey(slot);
                return (
                  <button
                    type="button"
                    className="slot-choice"
                    onClick={() => void moveTo(slot)}
                    aria-busy={busy}
                    aria-disabled={moving !== null || undefined}
                  >
                    <strong>{formatTime(slot.startsAt)}</strong>, {slotDetails(slot)}
                    <span className="visually-hidden">, {formatDateOf(slot.startsAt)}</span>
                    {busy && <span className="block">Moving your appointment…</span>}
                  </button>
                );
              }}
            </SlotList>
          )
        }
      </AsyncContent>
    </section>
  );
}

/** Move a booked appointment to another free time for the same kind of appointment. */
export function ChangeAppointmentTimePage() {
  const { appointmentId = '' } = useParams();
  const form = useFormErrors();
  const { resource, reload } = useApiResource<Appointment>(API.appointment(appointmentId));

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <AppointmentNotFound />;
  }

  return (
    <Page title="Change the time of your appointment" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, [], form.formError)} focusKey={form.attempt} />
      <AsyncContent resource={resource} loadingText="Loading your appointment…" failureText="This appointment could not be loaded." onRetry={reload}>
        {(appointment) => (
          <>
            <h2>Your appointment now</h2>
            <AppointmentDetails appointment={appointment} />
            {isChangeable(appointment) ? (
              <NewTimes appointment={appointment} form={form} />
            ) : (
              <p>This appointment can no longer be moved, because it has started, finished or been cancelled.</p>
            )}
            <p>
              <Link to={APPOINTMENTS_PATH}>Back to your appointments</Link>
            </p>
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
