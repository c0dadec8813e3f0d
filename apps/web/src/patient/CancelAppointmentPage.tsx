import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { API, type Appointment } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { AppointmentDetails } from './AppointmentDetails';
import { AppointmentNotFound } from './AppointmentNotFound';
import { isChangeable } from './appointment-timing';
import type { AppointmentChangedState } from './booking-state';
import { APPOINTMENTS_PATH } from './patient-paths';

const NOT_CANCELLABLE = 'This appointment can no longer be cancelled, because it has started, finished or been cancelled already.';

/** "Cancel this appointment?": the appointment, then "Yes, cancel it" or "No, keep it". */
export function CancelAppointmentPage() {
  const { appointmentId = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const form = useFormErrors();
  const { resource, reload } = useApiResource<Appointment>(API.appointment(appointmentId));
  const [busy, setBusy] = useState(false);

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <AppointmentNotFound />;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const cancelled = await api.post<Appointment>(API.cancelAppointment(appointmentId), {});
      const state: AppointmentChangedState = { changed: 'cancelled', startsAt: cancelled.startsAt };
      navigate(APPOINTMENTS_PATH, { state });
    } catch (error) {
      setBusy(false);
      if (isApiProblem(error) && error.code === 'not_cancellable') form.show({}, NOT_CANCELLABLE);
      else form.showProblem(error);
    }
  }

  return (
    <Page title="Cancel this appointment?" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, [], form.formError)} focusKey={form.attempt} />
      <AsyncContent resource={resource} loadingText="Loading your appointment…" failureText="This appointment could not be loaded." onRetry={reload}>
        {(appointment) => (
          <>
            <AppointmentDetails appointment={appointment} />
            {isChangeable(appointment) ? (
              <form onSubmit={handleSubmit} noValidate className="form">
                <p>You can book another appointment at any time.</p>
                <div className="action-row">
                  <SubmitButton busy={busy} busyText="Cancelling…" warning>
                    Yes, cancel it
                  </SubmitButton>
                  <p>
                    <Link to={APPOINTMENTS_PATH}>No, keep it</Link>
                  </p>
                </div>
              </form>
            ) : (
              <>
                <p>{NOT_CANCELLABLE}</p>
                <p>
                  <Link to={APPOINTMENTS_PATH}>Back to your appointments</Link>
                </p>
              </>
            )}
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
