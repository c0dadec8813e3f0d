import { Link } from 'react-router';
import type { PatientProfile } from '@confide/contract';
import { LoadFailed } from '../components/LoadFailed';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { formatCalendarDate } from '../format/date-format';
import { displayNhsNumber, fullName } from '../format/patient-format';
import { useSession, useSignedInUser } from '../session/use-session';
import { AccessHistory } from './AccessHistory';
import { ContactDetailsForm } from './ContactDetailsForm';
import { ACCESS_PATH, REPLAYS_PATH } from './patient-paths';

export function PatientProfilePage() {
  const user = useSignedInUser();
  const { updateUser, refresh } = useSession();
  const patient = user.patient;

  function handleSaved(updated: PatientProfile) {
    updateUser({ ...user, patient: updated });
  }

  return (
    <Page title="Your profile">
      {patient ? (
        <>
          <section>
            <h2 id="your-details-heading">Your details</h2>
            <SummaryList
              rows={[
                { term: 'Name', value: fullName(patient) },
                { term: 'Date of birth', value: formatCalendarDate(patient.dateOfBirth) },
                { term: 'NHS number', value: displayNhsNumber(patient.nhsNumber) },
                { term: 'Email address', value: <span className="break-anywhere">{patient.email}</span> },
              ]}
            />
            <p className="hint">You cannot change your name, date of birth, NHS number or email address here.</p>
          </section>
          <section>
            <h2 id="paying-heading">How you pay for appointments</h2>
            <p>
              Register with the practice for free NHS appointments, or add an insurer or employer membership, in{' '}
              <Link to={ACCESS_PATH}>NHS and memberships</Link>.
            </p>
          </section>
          <section>
            <h2 id="recordings-heading">Recordings of your consultations</h2>
            <p>
              Watch or listen again to your recorded consultations in <Link to={REPLAYS_PATH}>Consultation Replays</Link>.
              Whenever anyone plays one, including you, it appears in your access history below.
            </p>
          </section>
          <ContactDetailsForm key={patient.id} patient={patient} onSaved={handleSaved} />
          <AccessHistory />
        </>
      ) : (
        <LoadFailed what="Your details could not be found." error={null} onRetry={() => void refresh()} />
      )}
    </Page>
  );
}
