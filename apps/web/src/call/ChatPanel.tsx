import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ChatText, type ChatMessage, type Participant } from '@confide/contract';
import { Notice } from '../components/Notice';
import { TextAreaField } from '../components/TextAreaField';
import { CHAT_OFF_TEXT } from './call-text';
import { ChatTranscript } from './ChatTranscript';

const NOT_SENT = 'Your message could not be sent because the call is reconnecting. Try again in a moment.';

interface ChatPanelProps {
  messages: ChatMessage[];
  you: Participant;
  /** False while an administrator has switched chat off: the history stays, the form goes. */
  chatOn: boolean;
  /** Sends a checked message; false if it could not be sent just now. */
  onSend: (text: string) => boolean;
}

/**
 * Messages during the call: the history, a polite live region that reads out each new message from the other
 * participant (not the history, not your own), and a form to send one.
 */
export function ChatPanel({ messages, you, chatOn, onSend }: ChatPanelProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [shownAtStart] = useState(messages.length);
  const historyRef = useRef<HTMLDivElement>(null);
  const latestFromOther = messages.slice(shownAtStart).findLast((message) => message.from !== you);

  // Keep the newest message in view.
  useEffect(() => {
    const history = historyRef.current;
    if (history) history.scrollTop = history.scrollHeight;
  }, [messages.length]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = ChatText.safeParse(text);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Type a message.');
      return;
    }
    if (!onSend(checked.data)) {
      setError(NOT_SENT);
      return;
    }
    setText('');
    setError(undefined);
  }

  return (
    <section aria-labelledby="chat-heading" className="chat-panel">
      <h2 id="chat-heading">Messages</h2>
      {messages.length === 0 ? (
        <p className="secondary-text">No messages yet. Messages are kept with the consultation.</p>
      ) : (
        // Scrolls on its own, so it can take focus for keyboard scrolling.
        <div className="chat-history" ref={historyRef} tabIndex={0} role="region" aria-label="Message history">
          <ChatTranscript messages={messages} labelledBy="chat-heading" />
        </div>
      )}
      <div aria-live="polite" className="visually-hidden">
        {latestFromOther && (
          <p key={latestFromOther.id}>
            New message from {latestFromOther.senderName}: {latestFromOther.text}
          </p>
        )}
      </div>
      {chatOn ? (
        <form onSubmit={handleSubmit} noValidate className="chat-form">
          <TextAreaField
            id="chat-message"
            label="Message"
            rows={3}
            value={text}
            onChange={(value) => {
              setText(value);
              if (error) setError(undefined);
            }}
            error={error}
          />
          {/* The inline error is tied to the field; this reads it out at once, as focus stays in the field. */}
          <p role="alert" className="visually-hidden">
            {error ?? ''}
          </p>
          <button type="submit" className="button">
            Send message
          </button>
        </form>
      ) : (
        <Notice kind="warning">
          <p>{CHAT_OFF_TEXT}</p>
        </Notice>
      )}
    </section>
  );
}
