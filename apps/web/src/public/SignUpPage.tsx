import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { API, type SessionResponse } from '@confide/contract';
import { useApi } from '../api/use-api';
import { DateOfBirthField } from '../components/DateOfBirthField';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { NEW_PASSWORD_HINT } from '../forms/password-guidance';
import { useFormErrors } from '../forms/use-form-errors';
import { pathAfterSignIn } from '../session/role-paths';
import { useSession } from '../session/use-session';
import { EMPTY_SIGN_UP, SIGN_UP_FIELDS, toRegisterRequest, validateSignUp, type SignUpValues } from './sign-up-form';

export function SignUpPage() {
  const session = useSession();
  const api = useApi();
  const form = useFormErrors();
  const [values, setValues] = useState<SignUpValues>(EMPTY_SIGN_UP);
  const [busy, setBusy] = useState(false);

  if (session.state.status === 'signed-in') return <Navigate to={pathAfterSignIn(session.state.user)} replace />;

  const set = (field: keyof SignUpValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const { errors } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = validateSignUp(values);
    if (Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<SessionResponse>(API.register, toRegisterRequest(values));
      session.signIn(created);
    } catch (error) {
      form.showProblem(error);
      setBusy(false);
    }
  }

  return (
    <Page title="Create an account" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(errors, SIGN_UP_FIELDS, form.formError)} focusKey={form.attempt} />
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
      <form onSubmit={handleSubmit} noValidate className="form">
        <h2>About you</h2>
        <TextField
          id="givenName"
          label="Given name"
          hint="Your first name."
          autoComplete="given-name"
          spellCheck={false}
          value={values.givenName}
          onChange={set('givenName')}
          error={errors.givenName}
        />
        <TextField
          id="familyName"
          label="Family name"
          hint="Your surname or last name."
          autoComplete="family-name"
          spellCheck={false}
          value={values.familyName}
          onChange={set('familyName')}
          error={errors.familyName}
        />
        <DateOfBirthField id="dateOfBirth" own value={values.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} />
        <TextField
          id="nhsNumber"
          label="NHS number (optional)"
          hint="Your 10-digit NHS number, like 943 476 5919. It is on letters from the NHS and in the NHS App. If you do not know it, leave this blank."
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          widthClass="input--10"
          value={values.nhsNumber}
          onChange={set('nhsNumber')}
          error={errors.nhsNumber}
        />

        <h2>How we contact you</h2>
        <TextField
          id="email"
          label="Email address"
          hint="You will use this to sign in."
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
        <TextField
          id="mobile"
          label="Mobile number"
          hint="A UK mobile number, like 07700 900123."
          type="tel"
          autoComplete="tel"
          widthClass="input--20"
          value={values.mobile}
          onChange={set('mobile')}
          error={errors.mobile}
        />
        <TextField
          id="postcode"
          label="Postcode"
          autoComplete="postal-code"
          autoCapitalize="characters"
          spellCheck={false}
          widthClass="input--10"
          value={values.postcode}
          onChange={set('postcode')}
          error={errors.postcode}
        />

        <h2>Choose a password</h2>
        <PasswordField
          id="password"
          label="Password"
          hint={NEW_PASSWORD_HINT}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
        />

        <SubmitButton busy={busy} busyText="Creating account…">
          Create account
        </SubmitButton>
      </form>
    </Page>
  );
}
