import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useSignedInUser } from '../session/use-session';
import { StaffDetails } from '../staff/StaffDetails';
import { ADMIN_PATHS } from './admin-paths';

export function AdminProfilePage() {
  const user = useSignedInUser();
  return (
    <Page title="Your profile">
      <StaffDetails user={user} />
      <section>
        <h2 id="admin-tasks-heading">Running your clinic</h2>
        <ul className="list">
          <li>
            <Link to={ADMIN_PATHS.staff}>Staff</Link>: everyone with a staff account at your clinic, and whether they
            have set up two-step verification.
          </li>
          <li>
            <Link to={ADMIN_PATHS.audit}>Audit log</Link>: check that the record of who accessed patient data has not
            been changed.
          </li>
          <li>
            <Link to={ADMIN_PATHS.switches}>Service switches</Link>: turn a service such as booking or in-call chat off
            for everyone at once, and on again.
          </li>
          <li>
            <Link to={ADMIN_PATHS.incidents}>Incidents</Link>: attempts to show one patient&apos;s data to someone else
            that Confide blocked, for you to check and close.
          </li>
          <li>
            <Link to={ADMIN_PATHS.breakGlass}>Emergency access</Link>: open a patient&apos;s consultation recordings
            for 30 minutes when you must, giving a reason the patient will see.
          </li>
          <li>
            <Link to={ADMIN_PATHS.signingKeys}>Signing keys</Link>: revoke a prescriber&apos;s key for signing
            prescriptions if it may have been used by someone else.
          </li>
          <li>
            <Link to={ADMIN_PATHS.outbox}>Development outbox</Link>: the emails and text messages Confide would have sent,
            when it runs in development.
          </li>
        </ul>
      </section>
    </Page>
  );
}
