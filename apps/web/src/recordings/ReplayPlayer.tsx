import { Link } from 'react-router';
import type { ReplayTrack } from '@confide/contract';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { formatLongDateTime } from '../format/date-format';
import { formatDuration } from '../format/duration-format';
import { REPLAY_NOT_FOUND_TEXT, replayProblemOf } from './replay-problem';
import type { ReplayBack } from './replay-route-state';
import { ReplayMedia } from './ReplayMedia';
import { ReplaysUnavailable } from './ReplaysUnavailable';
import { useReplayPlayback, type ReplayLinks } from './use-replay-playback';

export type ReplayViewer = 'patient' | 'staff';

export const REPLAY_TITLES: Record<ReplayViewer, string> = {
  patient: 'Recording of your consultation',
  staff: 'Consultation recording',
};

export const BREAK_GLASS_VIEWING_TEXT = 'You are viewing this under emergency access. The patient will see that you did.';

function StartFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const problem = replayProblemOf(error);
  switch (problem.kind) {
    case 'not-found':
      return (
        <div className="notice notice--error" role="alert">
          <p>{REPLAY_NOT_FOUND_TEXT}</p>
        </div>
      );
    case 'not-ready':
      return (
        <Notice kind="warning">
          <p>{problem.message}</p>
        </Notice>
      );
    case 'unavailable':
      return <ReplaysUnavailable />;
    case 'other':
      return <LoadFailed what="The recording could not be loaded." error={error} onRetry={onRetry} />;
  }
}

interface LoadedReplayProps {
  links: ReplayLinks;
  renew: () => Promise<ReplayLinks>;
  viewer: ReplayViewer;
  clinicianName?: string;
}

function LoadedReplay({ links, renew, viewer, clinicianName }: LoadedReplayProps) {
  const { playback } = links;
  const clinician = playback.tracks.find((t) => t.participant === 'clinician')?.name ?? clinicianName;
  const rows: SummaryRow[] = [
    { term: 'Date', value: <time dateTime={playback.startedAt}>{formatLongDateTime(playback.startedAt)}</time> },
    ...(clinician ? [{ term: 'Clinician', value: clinician }] : []),
    { term: 'Length', value: formatDuration(playback.durationSeconds) },
  ];
  const labelOf = (track: ReplayTrack) => (viewer === 'patient' && track.participant === 'patient' ? 'You' : track.name);
  return (
    <>
      {viewer === 'staff' && playback.breakGlass && (
        <Notice kind="warning">
          <p>{BREAK_GLASS_VIEWING_TEXT}</p>
        </Notice>
      )}
      <SummaryList rows={rows} />
      <ReplayMedia links={links} renew={renew} labelOf={labelOf} />
    </>
  );
}

interface ReplayPlayerProps {
  consultationId: string;
  viewer: ReplayViewer;
  back: ReplayBack;
  /** The clinician's name as the list showed it, for a recording with no track of theirs. */
  clinicianName?: string;
}

/**
 * Plays one consultation's recording, for its patient, its clinician, or staff under emergency (break-glass)
 * access. Opening the page starts one viewing, which the patient sees in their access history.
 */
export function ReplayPlayer({ consultationId, viewer, back, clinicianName }: ReplayPlayerProps) {
  const { start, retry, renew } = useReplayPlayback(consultationId);
  return (
    <Page title={REPLAY_TITLES[viewer]}>
      {start.status === 'starting' && (
        <>
          <Loading>Preparing the recording…</Loading>
          <p className="hint">The first time a recording is played, this can take a few seconds.</p>
        </>
      )}
      {start.status === 'failed' && <StartFailed error={start.error} onRetry={retry} />}
      {start.status === 'ready' && <LoadedReplay links={start} renew={renew} viewer={viewer} clinicianName={clinicianName} />}
      <p>
        <Link to={back.path} state={back.state}>
          {back.label}
        </Link>
      </p>
    </Page>
  );
}
