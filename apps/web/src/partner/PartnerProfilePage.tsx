import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useSignedInUser } from '../session/use-session';
import { StaffDetails } from '../staff/StaffDetails';
import { PARTNER_PATHS } from './partner-paths';

export function PartnerProfilePage() {
  const user = useSignedInUser();
  return (
    <Page title="Your profile">
      <p>Your partner administrator account on Confide, and the organisation it belongs to.</p>
      <StaffDetails user={user} />
      <section>
        <h2 id="partner-tasks-heading">Your cover</h2>
        <ul className="list">
          <li>
            <Link to={PARTNER_PATHS.members}>Members</Link>: upload your member list, add, update or remove members.
          </li>
          <li>
            <Link to={PARTNER_PATHS.usage}>Usage</Link>: how many appointments have been booked through your cover, by month
            and appointment type.
          </li>
        </ul>
      </section>
    </Page>
  );
}
