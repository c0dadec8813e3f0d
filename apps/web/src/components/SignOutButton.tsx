import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useSession } from '../session/use-session';
import { SIGN_IN_PATH } from '../session/role-paths';
import type { SignInLocationState } from '../session/sign-in-notice';

export function SignOutButton() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await signOut();
      const state: SignInLocationState = { notice: 'signed-out' };
      navigate(SIGN_IN_PATH, { state });
    } catch (failure) {
      setError(`You have not been signed out. ${problemMessage(failure)}`);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--header" onClick={handleClick} aria-busy={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {error && (
        <p className="header-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
