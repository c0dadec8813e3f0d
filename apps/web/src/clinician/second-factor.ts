import type { z } from 'zod';
import { SecondFactorRequest } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import type { FormErrors } from '../forms/use-form-errors';

/** What confirms the code: `{ code: "123456" }`. */
export type CodeRequest = z.infer<typeof SecondFactorRequest>;

/** The hint under "Authenticator code", when signing needs the prescriber's code first. */
export const AUTHENTICATOR_CODE_HINT = 'Enter the 6-digit code from your authenticator app to sign.';
/** The same, when the code is asked for before replacing the prescriber's signing key. */
export const REPLACE_KEY_CODE_HINT = 'Enter the 6-digit code from your authenticator app to replace your key.';
export const CODE_FORMAT_MESSAGE = 'Enter the 6-digit code from your authenticator app.';
export const CODE_WRONG_MESSAGE = 'That code is not right or has run out. Enter the newest code from your authenticator app.';
/** The code was confirmed, yet the API still wants one (it ran out meanwhile). */
export const CODE_STILL_NEEDED_MESSAGE = 'Enter the newest code from your authenticator app.';

/** The API refused to sign because the prescriber has not confirmed their authenticator code in the last 5 minutes. */
export function needsSecondFactor(error: unknown): boolean {
  return isApiProblem(error) && error.status === 403 && error.code === 'second_factor_required';
}

/** The authenticator code was wrong (or already used, or too old). */
export function isWrongCode(error: unknown): boolean {
  return isApiProblem(error) && error.code === 'totp_invalid';
}

/** The code as typed, without the spaces people copy with it, checked as the API will check it. */
export function checkAuthenticatorCode(typed: string): { ok: true; request: CodeRequest } | { ok: false; message: string } {
  const code = typed.replace(/[\s-]/g, '');
  const checked = SecondFactorRequest.safeParse({ code });
  return checked.success ? { ok: true, request: checked.data } : { ok: false, message: CODE_FORMAT_MESSAGE };
}

/** How an attempt to sign went: signed, the code is needed first, or the code given was not accepted. */
export type Signing<T> = { status: 'signed'; result: T } | { status: 'needs-code' } | { status: 'code-problem'; message: string };

/** Sends something that needs the prescriber's signature; if the API wants their code first, says so. Other failures are thrown. */
export async function trySigning<T>(send: () => Promise<T>): Promise<Signing<T>> {
  try {
    return { status: 'signed', result: await send() };
  } catch (error) {
    if (needsSecondFactor(error)) return { status: 'needs-code' };
    throw error;
  }
}

/**
 * Confirms the typed authenticator code (`confirm` posts it), then sends again what was waiting for it. A code in
 * the wrong shape is never posted; a wrong code is a problem with the field, not a failure.
 */
export async function confirmThenSign<T>(
  typedCode: string,
  confirm: (request: CodeRequest) => Promise<unknown>,
  send: () => Promise<T>,
): Promise<Signing<T>> {
  const checked = checkAuthenticatorCode(typedCode);
  if (!checked.ok) return { status: 'code-problem', message: checked.message };
  try {
    await confirm(checked.request);
  } catch (error) {
    if (isWrongCode(error)) return { status: 'code-problem', message: CODE_WRONG_MESSAGE };
    throw error;
  }
  return trySigning(send);
}

/**
 * Shows on the form what an attempt to sign needs next, and gives back what was signed, if it was: the code field
 * appears (first attempt), the code was not accepted, or it was accepted and the API still wants one.
 */
export function settleSigning<T>(outcome: Signing<T>, step: 'first' | 'confirming', form: Pick<FormErrors, 'show' | 'clear'>, codeField: string): T | null {
  if (outcome.status === 'signed') {
    form.clear();
    return outcome.result;
  }
  if (outcome.status === 'code-problem') form.show({ [codeField]: outcome.message });
  else if (step === 'confirming') form.show({ [codeField]: CODE_STILL_NEEDED_MESSAGE });
  else form.clear(); // The code field appears and takes focus.
  return null;
}
