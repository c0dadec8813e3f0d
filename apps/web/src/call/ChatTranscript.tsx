import type { ChatMessage } from '@confide/contract';
import { formatTime } from '../format/clinic-time';

/** The messages of a consultation, oldest first, each with who sent it and when (clinic time). */
export function ChatTranscript({ messages, labelledBy }: { messages: ChatMessage[]; labelledBy: string }) {
  return (
    <ol className="chat-list" aria-labelledby={labelledBy}>
      {messages.map((message) => (
        <li key={message.id} className={`chat-message chat-message--${message.from}`}>
          <p className="chat-message__meta">
            <strong>{message.senderName}</strong> <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
          </p>
          <p className="chat-message__text">{message.text}</p>
        </li>
      ))}
    </ol>
  );
}
