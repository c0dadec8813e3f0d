import { useReducer, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { API, type TriageSession, type TriageSessionList } from '@confide/contract';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { ageInYears, formatLongDateTime } from '../format/date-format';
import { useSignedInUser } from '../session/use-session';
import { startCheck } from '../triage/start-check';
import { EmergencyNotice } from '../triage/EmergencyNotice';
import { chatReducer, INITIAL_CHAT } from '../triage/triage-chat';
import { draftWithAge, START_FIELDS, type StartDraft } from '../triage/triage-start';
import { LEVEL_LABELS } from '../triage/triage-text';
import { TriageConversation } from '../triage/TriageConversation';
import { TriageStartForm } from '../triage/TriageStartForm';
import { deleteSymptomCheckPath, symptomCheckPath } from './patient-paths';
import { readDeletedCheck, type StartedCheckState } from './symptom-check-state';

type CheckItem = TriageSessionList['items'][number];

function CheckCard({ item }: { item: CheckItem }) {
  const when = formatLongDateTime(item.createdAt);
  return (
    <li className="card triage-check">
      <h3 className="card__title">
        <Link to={symptomCheckPath(item.id)}>
          <span className="visually-hidden">Symptom check on </span>
          {when}
        </Link>
      </h3>
      <p>
        <span className={`triage-level triage-level--${item.triage.replace('_', '-')}`}>
          <span className="visually-hidden">Advice: </span>
          {LEVEL_LABELS[item.triage]}
        </span>
      </p>
      <p className="secondary-text">{item.summary}</p>
      <p>
        <Link to={deleteSymptomCheckPath(item.id)}>
          Delete<span className="visually-hidden"> symptom check from {when}</span>
        </Link>
      </p>
    </li>
  );
}

/** The patient's kept checks, newest first, each to open again or delete. */
function PreviousChecks() {
  const { resource, reload } = useApiResource<TriageSessionList>(API.myTriageSessions);
  return (
    <section aria-labelledby="previous-heading">
      <h2 id="previous-heading">Your previous symptom checks</h2>
      <AsyncContent resource={resource} loadingText="Loading your symptom checks…" failureText="Your symptom checks could not be loaded." onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>You have no symptom checks yet.</p>
          ) : (
            <ul className="card-list">
              {items.map((item) => (
                <CheckCard key={item.id} item={item} />
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </section>
  );
}

/**
 * A signed-in patient's symptom checker: the same questions as the public one, but the check is kept in their
 * record (to look at again, carry on, add to an appointment, or delete). Starting one goes on to its own page.
 */
export function PatientSymptomsPage() {
  const api = useApi();
  const user = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const form = useFormErrors();
  const deleted = readDeletedCheck(location.state);
  const [draft, setDraft] = useState<StartDraft>(() => draftWithAge(user.patient ? ageInYears(user.patient.dateOfBirth) : null));
  const [chat, dispatch] = useReducer(chatReducer, INITIAL_CHAT);

  async function handleStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chat.waiting) return;
    await startCheck(draft, form, dispatch, async (start) => {
      const started = await api.post<TriageSession>(API.myTriageSessions, start);
      const state: StartedCheckState = { started };
      navigate(symptomCheckPath(started.id), { state });
    });
  }

  return (
    <Page title="Check your symptoms" hasErrors={form.hasAny}>
      {deleted && !chat.start && <Notice kind="success">Your symptom check has been deleted.</Notice>}
      <EmergencyNotice />
      {chat.start ? (
        <TriageConversation chat={chat} error={null} onAnswer={() => undefined} summary="" focusFirst />
      ) : (
        <>
          <ErrorSummary items={summaryItems(form.errors, START_FIELDS, form.formError)} focusKey={form.attempt} />
          <p>
            Tell us what is wrong and answer a few questions. We will tell you how soon to get help, and where. Your checks
            are kept in your record so you can look at them again or add one to an appointment. Only you can see them, and
            you can delete them.
          </p>
          <TriageStartForm draft={draft} onChange={setDraft} errors={form.errors} busy={chat.waiting} onSubmit={(e) => void handleStart(e)} />
          <PreviousChecks />
        </>
      )}
    </Page>
  );
}
