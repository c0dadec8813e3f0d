import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { API, type SessionResponse, type TotpSetupResponse } from '@confide/contract';
import { useApi } from '../api/use-api';
import type { Resource } from '../api/use-api-resource';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { LoadFailed } from '../components/LoadFailed';
import { Page } from '../components/Page';
import { SessionUnavailable } from '../components/SessionUnavailable';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { needsTwoStepSetup, pathAfterSignIn, SIGN_IN_PATH } from '../session/role-paths';
import { signInStateFor } from '../session/sign-in-notice';
import { useSession } from '../session/use-session';
import { TotpSetupInstructions } from './TotpSetupInstructions';

/**
 * Staff must set up two-step verification before they can see anything. Asking for setup makes a new
 * secret on the server, so it is asked for once per visit (not again when React re-runs effects).
 */
export function TwoStepSetupPage() {
  const session = useSession();
  const api = useApi();
  const form = useFormErrors();
  const [setup, setSetup] = useState<Resource<TotpSetupResponse>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const requested = useRef(-1);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const mustSetUp = session.state.status === 'signed-in' && needsTwoStepSetup(session.state.user);

  useEffect(() => {
    if (!mustSetUp || requested.current === attempt) return;
    requested.current = attempt;
    setSetup({ status: 'loading' });
    api.post<TotpSetupResponse>(API.totpSetup).then(
      (data) => setSetup({ status: 'loaded', data }),
      (error: unknown) => setSetup({ status: 'failed', error }),
    );
  }, [api, attempt, mustSetUp]);

  const { state } = session;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'unavailable') return <SessionUnavailable problem={state.problem} />;
  if (state.status === 'signed-out') return <Navigate to={SIGN_IN_PATH} replace state={signInStateFor(state.reason)} />;
  if (!mustSetUp) return <Navigate to={pathAfterSignIn(state.user)} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      form.show({ code: 'Enter the 6-digit code from your authenticator app.' });
      return;
    }
    setBusy(true);
    try {
      const confirmed = await api.post<SessionResponse>(API.totpConfirm, { code: digits });
      session.signIn(confirmed);
      return;
    } catch (error) {
      setCode('');
      form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <Page title="Set up two-step verification" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, ['code'], form.formError)} focusKey={form.attempt} />
      <p>
        Because you can see patients&apos; information, your account needs a second check when you sign in: a code from
        an app on your phone as well as your password. You need to set this up before you can carry on.
      </p>

      {setup.status === 'loading' && <Loading>Getting your setup code…</Loading>}
      {setup.status === 'failed' && (
        <LoadFailed what="We could not start setting up two-step verification." error={setup.error} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {setup.status === 'loaded' && (
        <>
          <TotpSetupInstructions setup={setup.data} />
          <h2>3. Enter the code from the app</h2>
          <form onSubmit={handleSubmit} noValidate className="form">
            <TextField
              id="code"
              label="6-digit code"
              hint="The app shows a new code every 30 seconds."
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              maxLength={7}
              widthClass="input--6"
              value={code}
              onChange={setCode}
              error={form.errors.code}
            />
            <SubmitButton busy={busy} busyText="Checking code…">
              Turn on two-step verification
            </SubmitButton>
          </form>
        </>
      )}
    </Page>
  );
}
