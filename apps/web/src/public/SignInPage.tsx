import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { API, type LoginRequest, type SessionResponse } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { summaryItems, type FieldErrors } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { pathAfterSignIn } from '../session/role-paths';
import { readSignInState, SIGN_IN_NOTICES } from '../session/sign-in-notice';
import { useSession } from '../session/use-session';

const FIELDS = ['email', 'password', 'totpCode'] as const;

const INVALID_CREDENTIALS =
  'The email address or password is not right, or the account is locked for a while after too many attempts. ' +
  'Check your details and try again, or reset your password.';
const TOTP_INVALID = 'That code is not right or has run out. Enter the newest code from your authenticator app.';
const TOTP_FORMAT = 'Enter the 6-digit code from your authenticator app.';

type Step = 'password' | 'code';

export function SignInPage() {
  const session = useSession();
  const api = useApi();
  const location = useLocation();
  const { from, notice } = readSignInState(location.state);
  const form = useFormErrors();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (step === 'code') codeInput.current?.focus();
  }, [step]);

  if (session.state.status === 'signed-in') return <Navigate to={pathAfterSignIn(session.state.user, from)} replace />;

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (step === 'password') {
      if (!email.trim()) errors.email = 'Enter your email address.';
      if (!password) errors.password = 'Enter your password.';
    } else if (!/^\d{6}$/.test(totpCode.replace(/\s/g, ''))) {
      errors.totpCode = TOTP_FORMAT;
    }
    return errors;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = validate();
    if (Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    const body: LoginRequest = { email: email.trim(), password };
    if (step === 'code') body.totpCode = totpCode.replace(/\s/g, '');

    setBusy(true);
    try {
      const signedIn = await api.post<SessionResponse>(API.login, body);
      session.signIn(signedIn);
      return;
    } catch (error) {
      const code = isApiProblem(error) ? error.code : undefined;
      if (code === 'totp_required') {
        form.clear();
        setStep('code');
      } else if (code === 'totp_invalid') {
        setTotpCode('');
        form.show({ totpCode: TOTP_INVALID });
      } else if (code === 'invalid_credentials') {
        setStep('password');
        setTotpCode('');
        form.show({ email: INVALID_CREDENTIALS });
      } else {
        form.showProblem(error);
      }
    }
    setBusy(false);
  }

  function switchAccount() {
    setStep('password');
    setTotpCode('');
    setPassword('');
    form.clear();
  }

  const { errors } = form;
  return (
    <Page title="Sign in" hasErrors={form.hasAny}>
      {notice && !form.hasAny && <Notice kind={notice === 'expired' ? 'info' : 'success'}>{SIGN_IN_NOTICES[notice]}</Notice>}
      <ErrorSummary items={summaryItems(errors, FIELDS, form.formError)} focusKey={form.attempt} />

      <form onSubmit={handleSubmit} noValidate className="form">
        {step === 'password' ? (
          <>
            <TextField
              id="email"
              label="Email address"
              type="email"
              autoComplete="username"
              spellCheck={false}
              autoCapitalize="none"
              value={email}
              onChange={setEmail}
              error={errors.email}
            />
            <PasswordField
              id="password"
              label="Password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
            />
          </>
        ) : (
          <>
            <h2>Enter your 6-digit code</h2>
            <p>
              You are signing in as <strong className="break-anywhere">{email.trim()}</strong>. Open the authenticator
              app on your phone and enter the code it shows for Confide.
            </p>
            <TextField
              ref={codeInput}
              id="totpCode"
              label="6-digit code"
              hint="The code changes every 30 seconds."
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              maxLength={7}
              widthClass="input--6"
              value={totpCode}
              onChange={setTotpCode}
              error={errors.totpCode}
            />
          </>
        )}
        <SubmitButton busy={busy} busyText="Signing in…">
          Sign in
        </SubmitButton>
      </form>

      {step === 'code' ? (
        <p>
          <button type="button" className="link-button" onClick={switchAccount}>
            Use a different account
          </button>
        </p>
      ) : (
        <>
          <p>
            <Link to="/forgot-password">Forgotten your password?</Link>
          </p>
          <p>
            New to Confide? <Link to="/sign-up">Create an account</Link>
          </p>
        </>
      )}
    </Page>
  );
}
