import { Page } from '../components/Page';
import { useSignedInUser } from '../session/use-session';
import { StaffDetails } from '../staff/StaffDetails';

export function PharmacistProfilePage() {
  const user = useSignedInUser();
  return (
    <Page title="Your profile">
      <p>Your pharmacist account on Confide, and the pharmacy it belongs to.</p>
      <StaffDetails user={user} />
    </Page>
  );
}
