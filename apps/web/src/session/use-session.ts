import { useContext } from 'react';
import type { Me } from '@confide/contract';
import { SessionContext, type SessionContextValue } from './session-context';

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/**
 * The signed-in user, for pages rendered behind a role guard. Narrows the session so a page never has to
 * handle "nobody signed in": reaching one without a session is a programming error.
 */
export function useSignedInUser(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInUser used outside a signed-in route.');
  return state.user;
}
