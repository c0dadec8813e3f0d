import { Page } from '../components/Page';
import { useSignedInUser } from '../session/use-session';
import { StaffDetails } from '../staff/StaffDetails';

export function PartnerProfilePage() {
  const user = useSignedInUser();
  return (
    <Page title="Your profile">
      <p>Your partner administrator account on Confide, and the organisation it belongs to.</p>
      <StaffDetails user={user} />
    </Page>
  );
}
