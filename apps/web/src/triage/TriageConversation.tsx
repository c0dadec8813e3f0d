import { useEffect, useRef, type Ref } from 'react';
import { BookingHandoff } from './BookingHandoff';
import { FINISH_MESSAGES, finishReason, nextQuestion, type ChatState, type ChatTurn } from './triage-chat';
import { answerText } from './triage-text';
import { TriageResultPanel } from './TriageResultPanel';

const ANSWERS: { answer: boolean | null; label: string }[] = [
  { answer: true, label: 'Yes' },
  { answer: false, label: 'No' },
  { answer: null, label: 'Not sure' },
];

interface MessageProps {
  from: 'patient' | 'checker';
  text: string;
  id?: string;
  textRef?: Ref<HTMLParagraphElement>;
}

function Message({ from, text, id, textRef }: MessageProps) {
  return (
    <li className={`chat-message chat-message--${from === 'patient' ? 'patient' : 'checker'}`}>
      <p className="chat-message__meta">
        <strong>{from === 'patient' ? 'You' : 'Symptom checker'}</strong>
        <span className="visually-hidden">:</span>
      </p>
      <p className="chat-message__text" id={id} ref={textRef} tabIndex={textRef ? -1 : undefined}>
        {text}
      </p>
    </li>
  );
}

function Exchange({ turn, id }: { turn: ChatTurn; id?: string }) {
  return (
    <>
      <Message from="checker" text={turn.question} id={id} />
      <Message from="patient" text={answerText(turn.answer)} />
    </>
  );
}

interface TriageConversationProps {
  chat: ChatState;
  /** Why the last answer could not be sent, until the next one. */
  error: string | null;
  onAnswer: (turn: ChatTurn) => void;
  /** The summary a signed-in patient may add to an appointment's reason. */
  summary: string;
  /** Move focus to the first question (or the advice) when the result already shown is new to the patient. */
  focusFirst: boolean;
}

/**
 * The chat: the description, each question with its answer, the question to answer now (Yes, No, Not sure), progress
 * while the checker thinks, and the advice. New messages are read out (a polite log); after each turn focus moves to
 * the next question, or to the advice once the checker stops asking.
 */
export function TriageConversation({ chat, error, onAnswer, summary, focusFirst }: TriageConversationProps) {
  const { start, turns, pending, result, waiting } = chat;
  const question = nextQuestion(result, turns);
  const finish = result && !pending ? finishReason(result, turns) : null;

  const headingRef = useRef<HTMLHeadingElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const adviceRef = useRef<HTMLHeadingElement>(null);
  const focusedVersion = useRef(focusFirst ? 0 : chat.version);

  // Before the first answer: the form has gone, so keep focus in the conversation while the checker thinks.
  const startedWaiting = result === null && waiting;
  useEffect(() => {
    if (startedWaiting) headingRef.current?.focus();
  }, [startedWaiting]);

  // After each turn: the next question, or the advice. A frame later, so a new page's own move to its heading
  // (when the check has just been started elsewhere) comes first.
  useEffect(() => {
    if (chat.version === focusedVersion.current) return;
    const frame = requestAnimationFrame(() => {
      focusedVersion.current = chat.version;
      const target = questionRef.current ?? adviceRef.current;
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [chat.version]);

  if (!start) return null;

  function answer(value: boolean | null) {
    if (waiting || !question) return;
    onAnswer({ findingId: question.findingId, question: question.question, answer: value });
  }

  return (
    <>
      <section aria-labelledby="conversation-heading" className="triage-chat">
        <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
          Your conversation
        </h2>
        <div role="log" aria-live="polite" aria-labelledby="conversation-heading" className="triage-log">
          <ol className="chat-list">
            <Message from="patient" text={start.text} />
            {turns.map((turn) => (
              <Exchange key={turn.findingId} turn={turn} />
            ))}
            {pending && <Exchange turn={pending} id="current-question" />}
            {!pending && question && <Message from="checker" text={question.question} id="current-question" textRef={questionRef} />}
            {finish && <Message from="checker" text={FINISH_MESSAGES[finish]} />}
          </ol>
        </div>
        {(question || pending) && (
          <div role="group" aria-labelledby="current-question" className="triage-answers">
            {ANSWERS.map(({ answer: value, label }) => (
              <button
                key={label}
                type="button"
                className="button button--secondary"
                onClick={() => answer(value)}
                aria-disabled={waiting || undefined}
              >
                {label}
              </button>
            ))}
          </div>
        )}
        <p role="status" className="triage-thinking">
          {waiting ? 'Thinking…' : ''}
        </p>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
      </section>
      {result && (
        <TriageResultPanel
          result={result}
          finished={finish !== null}
          headingRef={adviceRef}
          booking={finish !== null ? <BookingHandoff result={result} summary={summary} /> : undefined}
        />
      )}
    </>
  );
}
