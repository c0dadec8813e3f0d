import { Page } from '../components/Page';
import { useSignedInUser } from '../session/use-session';
import { StaffDetails } from '../staff/StaffDetails';
import { PatientsInCare } from './PatientsInCare';

export function ClinicianProfilePage() {
  const user = useSignedInUser();
  return (
    <Page title="Your profile">
      <StaffDetails user={user} />
      <PatientsInCare />
    </Page>
  );
}
