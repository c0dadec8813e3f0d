import { useReducer, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { API, type TriageResult } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { focusPageHeading } from '../components/focus-page-heading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { SYMPTOMS_PATH } from '../patient/patient-paths';
import { useSession } from '../session/use-session';
import { EmergencyNotice } from './EmergencyNotice';
import { startCheck } from './start-check';
import { chatReducer, chatRequest, INITIAL_CHAT, type ChatTurn } from './triage-chat';
import { EMPTY_DRAFT, START_FIELDS, type StartDraft } from './triage-start';
import { answerFailedText, summaryOfResult } from './triage-text';
import { TriageConversation } from './TriageConversation';
import { TriageStartForm } from './TriageStartForm';

/**
 * The public symptom checker: describe what is wrong, answer a few questions, get advice on where to go and how
 * soon. No account needed, and nothing is kept: each turn sends the description and every answer so far.
 */
export function SymptomCheckerPage() {
  const api = useApi();
  const { state } = useSession();
  const form = useFormErrors();
  const [draft, setDraft] = useState<StartDraft>(EMPTY_DRAFT);
  const [chat, dispatch] = useReducer(chatReducer, INITIAL_CHAT);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const isPatient = state.status === 'signed-in' && state.user.role === 'patient';

  async function handleStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chat.waiting) return;
    setAnswerError(null);
    await startCheck(draft, form, dispatch, async (start) => {
      const result = await api.post<TriageResult>(API.triageChat, chatRequest(start, []));
      dispatch({ type: 'result', result });
    });
  }

  async function handleAnswer(turn: ChatTurn) {
    if (chat.waiting || !chat.start) return;
    setAnswerError(null);
    dispatch({ type: 'answer', turn });
    try {
      const result = await api.post<TriageResult>(API.triageChat, chatRequest(chat.start, [...chat.turns, turn]));
      dispatch({ type: 'result', result });
    } catch (error) {
      dispatch({ type: 'failed' });
      setAnswerError(answerFailedText(error));
    }
  }

  function startAgain() {
    dispatch({ type: 'reset' });
    setAnswerError(null);
    setDraft((current) => ({ ...current, text: '' }));
    // The conversation (and the focused button) has gone: start again from the top of the page.
    requestAnimationFrame(focusPageHeading);
  }

  return (
    <Page title="Check your symptoms" hasErrors={form.hasAny}>
      <EmergencyNotice />
      {isPatient && (
        <Notice>
          <p>
            You are signed in. To keep this check in your record, so you can look at it again later, use{' '}
            <Link to={SYMPTOMS_PATH}>Check symptoms in your account</Link>.
          </p>
        </Notice>
      )}
      {chat.start ? (
        <>
          <TriageConversation
            chat={chat}
            error={answerError}
            onAnswer={(turn) => void handleAnswer(turn)}
            summary={chat.result ? summaryOfResult(chat.result) : ''}
            focusFirst
          />
          {!chat.waiting && (
            <p>
              <button type="button" className="button button--secondary" onClick={startAgain}>
                Start a new check
              </button>
            </p>
          )}
        </>
      ) : (
        <>
          <ErrorSummary items={summaryItems(form.errors, START_FIELDS, form.formError)} focusKey={form.attempt} />
          <p>
            Tell us what is wrong and answer a few questions. We will tell you how soon to get help, and where. You do not
            need an account, and nothing you type here is kept.
          </p>
          <TriageStartForm draft={draft} onChange={setDraft} errors={form.errors} busy={chat.waiting} onSubmit={(e) => void handleStart(e)} />
        </>
      )}
    </Page>
  );
}
