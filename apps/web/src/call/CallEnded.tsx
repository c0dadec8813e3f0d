import { Link } from 'react-router';
import type { Consultation } from '@confide/contract';
import { CLINICIAN_DAY_PATH, consultationNotesPath } from '../clinician/clinician-paths';
import { Page } from '../components/Page';
import { APPOINTMENTS_PATH, consultationSummaryPath } from '../patient/patient-paths';

/** The call page once the consultation is over: where to go next. */
export function CallEnded({ consultation }: { consultation: Consultation }) {
  if (consultation.you === 'clinician') {
    return (
      <Page title="This consultation has ended">
        <ul className="inline-actions">
          <li>
            <Link to={consultationNotesPath(consultation.id)}>Notes for {consultation.patient.name}</Link>
          </li>
          <li>
            <Link to={CLINICIAN_DAY_PATH}>Your day</Link>
          </li>
        </ul>
      </Page>
    );
  }
  return (
    <Page title="Your consultation has ended">
      <p>If your clinician shares a summary with you, you will find it with the messages from the call in your consultation summary.</p>
      <ul className="inline-actions">
        <li>
          <Link to={consultationSummaryPath(consultation.id)}>Consultation summary</Link>
        </li>
        <li>
          <Link to={APPOINTMENTS_PATH}>Your appointments</Link>
        </li>
      </ul>
    </Page>
  );
}
