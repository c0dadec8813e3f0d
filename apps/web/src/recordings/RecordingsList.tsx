import { useEffect, useState } from 'react';
import type { ReplayList } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import type { ReplayBack } from './replay-route-state';
import { recordingRowId, RecordingsTable } from './RecordingsTable';

interface RecordingsListProps {
  /** The list's API path, without a cursor; older pages add `?cursor=`. */
  path: string;
  firstPage: ReplayList;
  tableId: string;
  /** What to say when there are none. */
  emptyText: string;
  playerBasePath: string;
  backTo?: ReplayBack;
}

/**
 * Recordings, newest first, 20 at a time: "Show older recordings" adds the next page below and moves focus to
 * the first recording it added, so keyboard and screen reader users carry on from there.
 */
export function RecordingsList({ path, firstPage, tableId, emptyText, playerBasePath, backTo }: RecordingsListProps) {
  const api = useApi();
  const [recordings, setRecordings] = useState(firstPage.items);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId]);

  async function showOlder() {
    if (busy || !cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<ReplayList>(`${path}?cursor=${encodeURIComponent(cursor)}`);
      const seen = new Set(recordings.map((r) => r.consultationId));
      const added = page.items.filter((r) => !seen.has(r.consultationId));
      setRecordings([...recordings, ...added]);
      setCursor(page.nextCursor);
      if (added[0]) setFocusId(recordingRowId(tableId, added[0].consultationId));
    } catch (failure) {
      setError(`Older recordings could not be loaded. ${problemMessage(failure)}`);
    }
    setBusy(false);
  }

  if (recordings.length === 0) return <p>{emptyText}</p>;

  return (
    <>
      <RecordingsTable id={tableId} recordings={recordings} playerBasePath={playerBasePath} backTo={backTo} />
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {cursor && (
        <button type="button" className="button button--secondary" onClick={showOlder} aria-busy={busy}>
          {busy ? 'Loading older recordings…' : 'Show older recordings'}
        </button>
      )}
    </>
  );
}
