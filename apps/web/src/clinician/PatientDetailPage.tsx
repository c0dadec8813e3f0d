import { Link, useParams } from 'react-router';
import { API, type PatientProfile } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApiResource } from '../api/use-api-resource';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { formatCalendarDate } from '../format/date-format';
import { displayNhsNumber, fullName } from '../format/patient-format';
import { PatientRecordings } from '../recordings/PatientRecordings';
import { replayBasePath } from '../recordings/replay-paths';
import { profilePathFor } from '../session/role-paths';
import { ClinicalRecordSection } from './ClinicalRecordSection';
import { patientDetailPath } from './clinician-paths';

function PatientDetails({ patient }: { patient: PatientProfile }) {
  return (
    <SummaryList
      rows={[
        { term: 'Name', value: fullName(patient) },
        { term: 'Date of birth', value: formatCalendarDate(patient.dateOfBirth) },
        { term: 'NHS number', value: displayNhsNumber(patient.nhsNumber, 'Not recorded') },
        { term: 'Email address', value: <span className="break-anywhere">{patient.email}</span> },
        { term: 'Mobile number', value: patient.mobile },
        { term: 'Postcode', value: patient.postcode },
      ]}
    />
  );
}

/** One patient in the clinician's care. Anyone else's id answers "not found", as if they did not exist. */
export function PatientDetailPage() {
  const { patientId = '' } = useParams();
  const { resource, reload } = useApiResource<PatientProfile>(API.patient(patientId));
  const backLink = (
    <p>
      <Link to={profilePathFor('clinician')}>Back to your patients</Link>
    </p>
  );

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return (
      <Page title="Patient not found">
        <p>We could not find this patient among the patients in your care.</p>
        {backLink}
      </Page>
    );
  }

  return (
    <Page title={resource.status === 'loaded' ? fullName(resource.data) : 'Patient details'}>
      {resource.status === 'loading' && <Loading>Loading patient details…</Loading>}
      {resource.status === 'failed' && (
        <LoadFailed what="This patient's details could not be loaded." error={resource.error} onRetry={reload} />
      )}
      {resource.status === 'loaded' && (
        <>
          <PatientDetails patient={resource.data} />
          <ClinicalRecordSection patientId={patientId} />
          <PatientRecordings
            patientId={patientId}
            emptyText="No recordings of your consultations with this patient."
            playerBasePath={replayBasePath('clinician')}
            backTo={{ path: patientDetailPath(patientId), label: `Back to ${fullName(resource.data)}` }}
          />
        </>
      )}
      {backLink}
    </Page>
  );
}
