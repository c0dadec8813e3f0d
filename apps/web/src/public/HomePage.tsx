import { Link } from 'react-router';
import { Page } from '../components/Page';
import { SYMPTOMS_PATH } from '../patient/patient-paths';
import { pathAfterSignIn } from '../session/role-paths';
import { useSession } from '../session/use-session';
import { SYMPTOM_CHECKER_PATH } from '../triage/triage-paths';

export function HomePage() {
  const { state } = useSession();
  // A signed-in patient's checks are kept in their record; anyone else uses the public checker (nothing kept).
  const isPatient = state.status === 'signed-in' && state.user.role === 'patient';

  return (
    <Page title="See a clinician online, in confidence">
      <p className="lead">
        Confide lets you talk to a clinician by video from home. Your health information stays private: only the
        people caring for you can see it.
      </p>

      {state.status === 'signed-in' ? (
        <p>
          <Link className="button" to={pathAfterSignIn(state.user)}>
            Go to your account
          </Link>
        </p>
      ) : (
        <div className="action-row">
          <Link className="button" to="/sign-up">
            Create an account
          </Link>
          <p>
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </p>
        </div>
      )}

      <section aria-labelledby="symptoms-heading">
        <h2 id="symptoms-heading">Not sure where to get help?</h2>
        <p>
          Describe what is wrong and answer a few questions. The symptom checker tells you how soon to get help, and
          where. {isPatient ? 'Your checks are kept in your record.' : 'You do not need an account.'}
        </p>
        <p>
          <Link className="button button--secondary" to={isPatient ? SYMPTOMS_PATH : SYMPTOM_CHECKER_PATH}>
            Check your symptoms
          </Link>
        </p>
      </section>

      <h2>How Confide protects your information</h2>
      <ul className="list">
        <li>Only the clinicians caring for you can open your record.</li>
        <li>
          Every time someone looks at or changes your information, it is recorded. You can see who it was and when
          on your profile.
        </li>
        <li>Staff must use two-step verification every time they sign in.</li>
      </ul>

      <h2>What you need</h2>
      <ul className="list">
        <li>an email address and a UK mobile number</li>
        <li>your postcode</li>
        <li>your NHS number, if you know it (you can leave it out)</li>
      </ul>
    </Page>
  );
}
