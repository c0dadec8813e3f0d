import { Link } from 'react-router';
import type { Participant } from '@confide/contract';
import { CLINICIAN_DAY_PATH } from '../clinician/clinician-paths';
import { Page } from '../components/Page';
import { APPOINTMENTS_PATH } from '../patient/patient-paths';

/** Any consultation that is not the reader's answers as if it did not exist. */
export function ConsultationNotFound({ role }: { role: Participant }) {
  return (
    <Page title="Consultation not found">
      <p>We could not find this consultation among yours.</p>
      <p>{role === 'patient' ? <Link to={APPOINTMENTS_PATH}>Your appointments</Link> : <Link to={CLINICIAN_DAY_PATH}>Your day</Link>}</p>
    </Page>
  );
}
