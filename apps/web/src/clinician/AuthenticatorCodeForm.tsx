import { useEffect, useRef, type FormEvent } from 'react';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { AUTHENTICATOR_CODE_HINT } from './second-factor';
import type { SecondFactor } from './use-second-factor';

interface AuthenticatorCodeFormProps {
  /** The code input's id, unique on the page (error summary links land on it). */
  id: string;
  secondFactor: SecondFactor;
  error: string | undefined;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What the code is for, under the label; signing by default. */
  hint?: string;
  /** The button, and what it says while the request runs; "Confirm and sign" by default. */
  submitText?: string;
  busyText?: string;
}

/** Asks for the prescriber's authenticator code before signing (or replacing their key); takes focus when it appears. */
export function AuthenticatorCodeForm({
  id,
  secondFactor,
  error,
  busy,
  onSubmit,
  hint = AUTHENTICATOR_CODE_HINT,
  submitText = 'Confirm and sign',
  busyText = 'Signing…',
}: AuthenticatorCodeFormProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <TextField
        ref={input}
        id={id}
        label="Authenticator code"
        hint={hint}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={7}
        widthClass="input--6"
        value={secondFactor.code}
        onChange={secondFactor.setCode}
        error={error}
      />
      <SubmitButton busy={busy} busyText={busyText}>
        {submitText}
      </SubmitButton>
    </form>
  );
}
