/** Why someone arrived at the sign-in page, passed in the router's location state. */
export type SignInNotice = 'signed-out' | 'expired' | 'password-reset';

export interface SignInLocationState {
  /** The page a signed-out user asked for, to return to after signing in. */
  from?: string;
  notice?: SignInNotice;
}

export const SIGN_IN_NOTICES: Record<SignInNotice, string> = {
  'signed-out': 'You have signed out.',
  expired: 'You were signed out because your session ended. Sign in again to carry on.',
  'password-reset': 'Your password has been changed. Sign in with your new password.',
};

export function readSignInState(state: unknown): SignInLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const s = state as Record<string, unknown>;
  const notice = typeof s.notice === 'string' && s.notice in SIGN_IN_NOTICES ? (s.notice as SignInNotice) : undefined;
  const from = typeof s.from === 'string' && s.from.startsWith('/') && !s.from.startsWith('//') ? s.from : undefined;
  return { from, notice };
}

/**
 * The sign-in page's location state for a signed-out user who reached `from`: say why they were
 * signed out, and come back to `from` afterwards unless they chose to sign out.
 */
export function signInStateFor(reason: 'signed-out' | 'expired' | undefined, from?: string): SignInLocationState {
  if (reason === 'signed-out') return { notice: 'signed-out' };
  return { ...(from ? { from } : {}), ...(reason === 'expired' ? { notice: 'expired' } : {}) };
}
