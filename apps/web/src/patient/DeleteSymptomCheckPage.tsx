import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { API, type TriageSession } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList } from '../components/SummaryList';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { formatLongDateTime } from '../format/date-format';
import { LEVEL_LABELS } from '../triage/triage-text';
import { SYMPTOMS_PATH, symptomCheckPath } from './patient-paths';
import type { DeletedCheckState } from './symptom-check-state';
import { SymptomCheckNotFound } from './SymptomCheckNotFound';

/** "Delete this symptom check?": what it was, then "Yes, delete it" or "No, keep it". */
export function DeleteSymptomCheckPage() {
  const { sessionId = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const form = useFormErrors();
  const { resource, reload } = useApiResource<TriageSession>(API.myTriageSession(sessionId));
  const [busy, setBusy] = useState(false);

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) return <SymptomCheckNotFound />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await api.delete(API.myTriageSession(sessionId));
      const state: DeletedCheckState = { deleted: true };
      navigate(SYMPTOMS_PATH, { state });
    } catch (error) {
      setBusy(false);
      form.showProblem(error);
    }
  }

  return (
    <Page title="Delete this symptom check?" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, [], form.formError)} focusKey={form.attempt} />
      <AsyncContent resource={resource} loadingText="Loading your symptom check…" failureText="This symptom check could not be loaded." onRetry={reload}>
        {(session) => (
          <>
            <SummaryList
              rows={[
                { term: 'Started', value: formatLongDateTime(session.createdAt) },
                { term: 'Advice', value: LEVEL_LABELS[session.result.triage] },
                { term: 'Summary', value: session.summary },
              ]}
            />
            <form onSubmit={handleSubmit} noValidate className="form">
              <p>It will be removed from your record and cannot be brought back. Appointments you have booked are not changed.</p>
              <div className="action-row">
                <SubmitButton busy={busy} busyText="Deleting…" warning>
                  Yes, delete it
                </SubmitButton>
                <p>
                  <Link to={symptomCheckPath(sessionId)}>No, keep it</Link>
                </p>
              </div>
            </form>
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
