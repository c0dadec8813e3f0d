import { API, type ReplayList } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import type { ReplayBack } from './replay-route-state';
import { RecordingsList } from './RecordingsList';

interface PatientRecordingsProps {
  patientId: string;
  /** What to say when the API lists none, which depends on what the reader may see. */
  emptyText: string;
  /** Where the reader's recording player lives, e.g. /clinician/replays. */
  playerBasePath: string;
  /** Where the player's back link returns to: the page showing this section. */
  backTo: ReplayBack;
}

/**
 * A "Recordings" section listing one patient's recordings as the API lets this reader see them: their own
 * consultations with the patient, or all of the patient's recordings under emergency (break-glass) access.
 */
export function PatientRecordings({ patientId, emptyText, playerBasePath, backTo }: PatientRecordingsProps) {
  const path = API.patientReplays(patientId);
  const { resource, reload } = useApiResource<ReplayList>(path);
  return (
    <section aria-labelledby="recordings-heading">
      <h2 id="recordings-heading">Recordings</h2>
      <AsyncContent resource={resource} loadingText="Loading recordings…" failureText="The recordings could not be loaded." onRetry={reload}>
        {(list) => (
          <RecordingsList
            path={path}
            firstPage={list}
            tableId="recordings"
            emptyText={emptyText}
            playerBasePath={playerBasePath}
            backTo={backTo}
          />
        )}
      </AsyncContent>
    </section>
  );
}
