import { Link } from 'react-router';
import { Page } from '../components/Page';
import { APPOINTMENTS_PATH } from './patient-paths';

export function AppointmentNotFound() {
  return (
    <Page title="Appointment not found">
      <p>We could not find this appointment among yours.</p>
      <p>
        <Link to={APPOINTMENTS_PATH}>Your appointments</Link>
      </p>
    </Page>
  );
}
