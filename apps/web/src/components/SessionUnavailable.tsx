import { useState } from 'react';
import { problemMessage } from '../api/problem-message';
import type { ApiProblem } from '../api/api-problem';
import { useSession } from '../session/use-session';
import { Page } from './Page';

/** Shown in place of a signed-in page when the server could not be asked who is signed in. */
export function SessionUnavailable({ problem }: { problem: ApiProblem }) {
  const { refresh } = useSession();
  const [busy, setBusy] = useState(false);

  async function retry() {
    if (busy) return;
    setBusy(true);
    await refresh();
    setBusy(false);
  }

  return (
    <Page title="Sorry, we cannot show this page right now">
      <p>{problemMessage(problem)}</p>
      <button type="button" className="button" onClick={retry} aria-busy={busy}>
        {busy ? 'Trying again…' : 'Try again'}
      </button>
    </Page>
  );
}
