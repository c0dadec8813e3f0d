import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { API } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { focusPageHeading } from '../components/focus-page-heading';
import { Page } from '../components/Page';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { summaryItems } from '../forms/field-errors';
import { NEW_PASSWORD_HINT, newPasswordError } from '../forms/password-guidance';
import { useFormErrors } from '../forms/use-form-errors';
import { SIGN_IN_PATH } from '../session/role-paths';
import type { SignInLocationState } from '../session/sign-in-notice';

/** The reset token arrives in the fragment (`#token=…`), which browsers never send to a server. */
function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

function LinkProblem({ title, children }: { title: string; children: string }) {
  return (
    <Page title={title}>
      <p>{children}</p>
      <p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </Page>
  );
}

export function ResetPasswordPage() {
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useFormErrors();
  const [token, setToken] = useState(() => tokenFromFragment(location.hash));
  const [linkExpired, setLinkExpired] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  // Read the token (also when a link is pasted into this tab), then take it out of the address bar and history.
  const { hash, pathname, search } = location;
  useEffect(() => {
    if (!hash) return;
    const fromLink = tokenFromFragment(hash);
    if (fromLink) {
      setToken(fromLink);
      setLinkExpired(false);
    }
    navigate(`${pathname}${search}`, { replace: true });
  }, [hash, pathname, search, navigate]);

  if (!token) {
    return (
      <LinkProblem title="This link is not complete">
        The link to reset your password is missing part of its address. Use the whole link from the email, or ask for a
        new one.
      </LinkProblem>
    );
  }
  if (linkExpired) {
    return (
      <LinkProblem title="This link has expired">
        Links to reset your password only work once, and only for a short time. Ask for a new link and use it soon.
      </LinkProblem>
    );
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problem = newPasswordError(password);
    if (problem) {
      form.show({ password: problem });
      return;
    }
    setBusy(true);
    try {
      await api.post<void>(API.passwordResetConfirm, { token, password });
      const state: SignInLocationState = { notice: 'password-reset' };
      navigate(SIGN_IN_PATH, { replace: true, state });
      return;
    } catch (error) {
      if (isApiProblem(error) && error.code === 'invalid_token') {
        setLinkExpired(true);
        requestAnimationFrame(focusPageHeading);
      } else {
        form.showProblem(error);
      }
    }
    setBusy(false);
  }

  return (
    <Page title="Choose a new password" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, ['password'], form.formError)} focusKey={form.attempt} />
      <form onSubmit={handleSubmit} noValidate className="form">
        <PasswordField
          id="password"
          label="New password"
          hint={NEW_PASSWORD_HINT}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <SubmitButton busy={busy} busyText="Saving password…">
          Save new password
        </SubmitButton>
      </form>
    </Page>
  );
}
