import type { OutboxMessage } from '@confide/contract';
import { SummaryList } from '../components/SummaryList';
import { formatDateTime } from '../format/date-format';
import { LinkifiedText } from './LinkifiedText';

const CHANNEL_LABELS: Record<OutboxMessage['channel'], string> = { email: 'Email', sms: 'Text message' };

export function OutboxMessageCard({ message }: { message: OutboxMessage }) {
  const headingId = `message-${message.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {message.subject || CHANNEL_LABELS[message.channel]}
      </h2>
      <SummaryList
        rows={[
          { term: 'Sent', value: <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time> },
          { term: 'Type', value: CHANNEL_LABELS[message.channel] },
          { term: 'To', value: <span className="break-anywhere">{message.to}</span> },
        ]}
      />
      <div className="message-body">
        <LinkifiedText text={message.body} />
      </div>
    </article>
  );
}
