import { API, type ReplayList } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { RecordingsTable } from './RecordingsTable';

interface PatientRecordingsProps {
  patientId: string;
  /** What to say when the API lists none, which depends on what the reader may see. */
  emptyText: string;
}

/**
 * A "Recordings" section listing one patient's recordings as the API lets this reader see them: their own
 * consultations with the patient, or all of the patient's recordings under emergency (break-glass) access.
 */
export function PatientRecordings({ patientId, emptyText }: PatientRecordingsProps) {
  const { resource, reload } = useApiResource<ReplayList>(API.patientReplays(patientId));
  return (
    <section aria-labelledby="recordings-heading">
      <h2 id="recordings-heading">Recordings</h2>
      <AsyncContent resource={resource} loadingText="Loading recordings…" failureText="The recordings could not be loaded." onRetry={reload}>
        {(list) => (list.items.length === 0 ? <p>{emptyText}</p> : <RecordingsTable id="recordings" recordings={list.items} />)}
      </AsyncContent>
    </section>
  );
}
