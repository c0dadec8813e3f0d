import { Link } from 'react-router';
import { API, type ReplayList } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { useFeatures } from '../features/use-features';
import { replayProblemOf } from '../recordings/replay-problem';
import { RecordingsList } from '../recordings/RecordingsList';
import { ReplaysUnavailable } from '../recordings/ReplaysUnavailable';
import { profilePathFor } from '../session/role-paths';
import { REPLAYS_PATH } from './patient-paths';

export const NO_REPLAYS_TEXT = 'You have no recorded consultations yet.';

function MyRecordings() {
  const { resource, reload } = useApiResource<ReplayList>(API.myReplays);
  if (resource.status === 'failed' && replayProblemOf(resource.error).kind === 'unavailable') {
    return (
      <>
        <ReplaysUnavailable />
        <button type="button" className="button button--secondary" onClick={reload}>
          Try again
        </button>
      </>
    );
  }
  return (
    <AsyncContent resource={resource} loadingText="Loading your recordings…" failureText="Your recordings could not be loaded." onRetry={reload}>
      {(list) => (
        <RecordingsList path={API.myReplays} firstPage={list} tableId="replays" emptyText={NO_REPLAYS_TEXT} playerBasePath={REPLAYS_PATH} />
      )}
    </AsyncContent>
  );
}

/** Consultation Replays: the patient's own recorded consultations, newest first, each to play. */
export function ReplaysPage() {
  const features = useFeatures();
  return (
    <Page title="Consultation Replays">
      <p>
        These are recordings of your own consultations. Each time you play one, it appears in your access history (under
        “Who has accessed your data” on <Link to={profilePathFor('patient')}>your profile</Link>).
      </p>
      {features.replays ? <MyRecordings /> : <ReplaysUnavailable />}
    </Page>
  );
}
