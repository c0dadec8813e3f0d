import { useState } from 'react';
import { API, type AccessLog, type AccessLogEntry } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { formatDateTime } from '../format/date-format';
import { ACCESS_OUTCOME_LABELS } from './access-action-labels';
import { accessActionLabel, accessDescription } from './access-entry-text';
import { AccessActor } from './AccessActor';

function AccessTable({ entries }: { entries: AccessLogEntry[] }) {
  return (
    <ResponsiveTable
      id="access-history"
      caption="Who has accessed your data, newest first"
      captionHidden
      columns={['When', 'Who', 'What they did']}
    >
      {entries.map((entry) => (
        <tr role="row" key={entry.id} className={entry.breakGlass ? 'row--break-glass' : undefined}>
          <TableCell column="When">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </TableCell>
          <TableCell column="Who">
            <AccessActor actor={entry.actor} />
          </TableCell>
          <TableCell column="What they did">
            {accessActionLabel(entry)}
            {entry.outcome !== 'success' && <strong className="tag">{ACCESS_OUTCOME_LABELS[entry.outcome]}</strong>}
            {entry.breakGlass && <strong className="tag">Emergency access</strong>}
            {entry.description && <span className="secondary-text block">{accessDescription(entry)}</span>}
            {entry.reason && <span className="block">Reason given: {entry.reason}</span>}
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** Older pages of the history, fetched with the cursor the previous page gave. */
function LoadedHistory({ firstPage }: { firstPage: AccessLog }) {
  const api = useApi();
  const [entries, setEntries] = useState(firstPage.items);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function showOlder() {
    if (busy || !cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<AccessLog>(`${API.myAccessLog}?cursor=${encodeURIComponent(cursor)}`);
      setEntries((shown) => {
        const seen = new Set(shown.map((e) => e.id));
        return [...shown, ...page.items.filter((e) => !seen.has(e.id))];
      });
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(`Older entries could not be loaded. ${problemMessage(failure)}`);
    }
    setBusy(false);
  }

  if (entries.length === 0) return <p>Nobody has looked at or changed your information yet.</p>;

  return (
    <>
      <AccessTable entries={entries} />
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {cursor && (
        <button type="button" className="button button--secondary" onClick={showOlder} aria-busy={busy}>
          {busy ? 'Loading older entries…' : 'Show older entries'}
        </button>
      )}
    </>
  );
}

/** "Who has accessed your data": every view or change of the patient's information, newest first. */
export function AccessHistory() {
  const { resource, reload } = useApiResource<AccessLog>(API.myAccessLog);
  return (
    <section>
      <h2 id="access-history-heading">Who has accessed your data</h2>
      <p>
        Every time someone looks at or changes your information on Confide, it is recorded here, including when you do
        it yourself.
      </p>
      <AsyncContent
        resource={resource}
        loadingText="Loading your access history…"
        failureText="Your access history could not be loaded."
        onRetry={reload}
      >
        {(page) => <LoadedHistory firstPage={page} />}
      </AsyncContent>
    </section>
  );
}
