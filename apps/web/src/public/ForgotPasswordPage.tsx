import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { API } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { focusPageHeading } from '../components/focus-page-heading';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';

export function ForgotPasswordPage() {
  const api = useApi();
  const form = useFormErrors();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!email.trim()) {
      form.show({ email: 'Enter your email address.' });
      return;
    }
    setBusy(true);
    try {
      await api.post<void>(API.passwordReset, { email: email.trim() });
      form.clear();
      setSentTo(email.trim());
      requestAnimationFrame(focusPageHeading);
    } catch (error) {
      form.showProblem(error);
    }
    setBusy(false);
  }

  if (sentTo) {
    return (
      <Page title="Check your email">
        <p>
          If an account exists for <strong className="break-anywhere">{sentTo}</strong>, we have emailed a link to
          reset your password.
        </p>
        <p>The link only works once and stops working after a short time, so use it soon.</p>
        <p>If the email does not arrive in a few minutes, check your spam or junk folder.</p>
        <p>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Try a different email address
          </button>
        </p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title="Reset your password" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, ['email'], form.formError)} focusKey={form.attempt} />
      <p>Enter the email address you use for Confide. We will send you a link to choose a new password.</p>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          onChange={setEmail}
          error={form.errors.email}
        />
        <SubmitButton busy={busy} busyText="Sending link…">
          Send reset link
        </SubmitButton>
      </form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
