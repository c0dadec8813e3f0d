import { useEffect, useReducer, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { API, type TriageAnswerRequest, type TriageSession } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { formatLongDateTime } from '../format/date-format';
import { EmergencyNotice } from '../triage/EmergencyNotice';
import { chatReducer, INITIAL_CHAT, type ChatTurn } from '../triage/triage-chat';
import { answerFailedText } from '../triage/triage-text';
import { TriageConversation } from '../triage/TriageConversation';
import { deleteSymptomCheckPath, SYMPTOMS_PATH } from './patient-paths';
import { readStartedCheck } from './symptom-check-state';
import { SymptomCheckNotFound } from './SymptomCheckNotFound';

const SEX_WORDS = { female: 'female', male: 'male' } as const;

function ageWords(age: number): string {
  if (age === 0) return 'under 1 year old';
  return age === 1 ? '1 year old' : `${age} years old`;
}

type Load = { status: 'loading' } | { status: 'loaded' } | { status: 'failed'; error: unknown };

function SymptomCheck({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const location = useLocation();
  const navigate = useNavigate();
  // Just started on the previous page: shown at once (and not loaded again), with focus on its first question.
  const [started] = useState(() => readStartedCheck(location.state, sessionId));
  const [session, setSession] = useState<TriageSession | null>(started);
  const [chat, dispatch] = useReducer(chatReducer, started, (s) => (s ? chatReducer(INITIAL_CHAT, { type: 'session', session: s }) : INITIAL_CHAT));
  const [load, setLoad] = useState<Load>(started ? { status: 'loaded' } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [answerError, setAnswerError] = useState<string | null>(null);

  // Keep the check out of the browser's history entry once shown: going back or reloading loads it afresh.
  const hasState = location.state != null;
  useEffect(() => {
    if (hasState) navigate({ pathname: location.pathname }, { replace: true, state: null });
  }, [hasState, navigate, location.pathname]);

  const needsLoad = started === null;
  useEffect(() => {
    if (!needsLoad) return;
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    api.get<TriageSession>(API.myTriageSession(sessionId), controller.signal).then(
      (loaded) => {
        setSession(loaded);
        dispatch({ type: 'session', session: loaded });
        setLoad({ status: 'loaded' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, sessionId, needsLoad, attempt]);

  async function handleAnswer(turn: ChatTurn) {
    if (chat.waiting) return;
    setAnswerError(null);
    dispatch({ type: 'answer', turn });
    try {
      const body: TriageAnswerRequest = { findingId: turn.findingId, answer: turn.answer };
      const updated = await api.post<TriageSession>(API.myTriageSessionAnswers(sessionId), body);
      setSession(updated);
      dispatch({ type: 'result', result: updated.result, turns: updated.turns });
    } catch (error) {
      dispatch({ type: 'failed' });
      setAnswerError(answerFailedText(error));
    }
  }

  if (load.status === 'failed' && isApiProblem(load.error) && load.error.status === 404) return <SymptomCheckNotFound />;

  return (
    <Page title="Your symptom check">
      <EmergencyNotice />
      {load.status === 'loading' && <Loading>Loading your symptom check…</Loading>}
      {load.status === 'failed' && <LoadFailed what="Your symptom check could not be loaded." error={load.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {session && (
        <>
          <p className="secondary-text">
            Started {formatLongDateTime(session.createdAt)}, for someone {ageWords(session.age)}, {SEX_WORDS[session.sex]}.
          </p>
          <TriageConversation
            chat={chat}
            error={answerError}
            onAnswer={(turn) => void handleAnswer(turn)}
            summary={session.summary}
            focusFirst={started !== null}
          />
          <ul className="inline-actions triage-actions">
            <li>
              <Link to={SYMPTOMS_PATH}>Your symptom checks</Link>
            </li>
            <li>
              <Link to={deleteSymptomCheckPath(session.id)}>Delete this symptom check</Link>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}

/** One kept symptom check: the conversation so far and the advice; carry on answering, book, or delete it. */
export function SymptomCheckPage() {
  const { sessionId = '' } = useParams();
  return <SymptomCheck key={sessionId} sessionId={sessionId} />;
}
