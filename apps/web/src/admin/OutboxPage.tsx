import { API, type OutboxMessage } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApiResource } from '../api/use-api-resource';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { OutboxMessageCard } from './OutboxMessageCard';

function MessageList({ messages }: { messages: OutboxMessage[] }) {
  if (messages.length === 0) return <p>No messages have been sent yet.</p>;
  return (
    <ul className="card-list" aria-label="Messages, newest first">
      {messages.map((message) => (
        <li key={message.id}>
          <OutboxMessageCard message={message} />
        </li>
      ))}
    </ul>
  );
}

/** In development, Confide keeps emails and text messages here instead of sending them. */
export function OutboxPage() {
  const { resource, reload } = useApiResource<{ items: OutboxMessage[] }>(API.outbox);
  const unavailable = resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404;

  return (
    <Page title="Development outbox">
      {unavailable ? (
        <p>
          The development outbox is not available on this server. It is only turned on in development. Here, emails
          and text messages are sent to people for real.
        </p>
      ) : (
        <>
          <p>While Confide runs in development, it keeps the emails and text messages it would send here instead.</p>
          <button type="button" className="button button--secondary" onClick={reload} aria-busy={resource.status === 'loading'}>
            Refresh messages
          </button>
          {resource.status === 'loading' && <Loading>Loading messages…</Loading>}
          {resource.status === 'failed' && (
            <LoadFailed what="The outbox could not be loaded." error={resource.error} onRetry={reload} />
          )}
          {resource.status === 'loaded' && <MessageList messages={resource.data.items} />}
        </>
      )}
    </Page>
  );
}
