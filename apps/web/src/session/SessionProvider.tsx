import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { API, type Me, type SessionResponse } from '@confide/contract';
import { apiRequest } from '../api/api-client';
import { ApiProblem, isApiProblem } from '../api/api-problem';
import { SessionContext, type SessionContextValue, type SessionState } from './session-context';

/** Holds who is signed in and the session's CSRF token, in memory only. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const session = await apiRequest<SessionResponse>('GET', API.session);
      setState({ status: 'signed-in', user: session.user, csrfToken: session.csrfToken });
    } catch (error) {
      if (isApiProblem(error) && error.status === 401) setState({ status: 'signed-out' });
      else setState({ status: 'unavailable', problem: isApiProblem(error) ? error : ApiProblem.network() });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback((session: SessionResponse) => {
    setState({ status: 'signed-in', user: session.user, csrfToken: session.csrfToken });
  }, []);

  const csrfToken = state.status === 'signed-in' ? state.csrfToken : null;
  const signOut = useCallback(async () => {
    try {
      await apiRequest<void>('POST', API.logout, { csrfToken });
    } catch (error) {
      // A 401 means the server had already ended the session: the outcome the user asked for.
      if (!(isApiProblem(error) && error.status === 401)) throw error;
    }
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, [csrfToken]);

  const updateUser = useCallback((user: Me) => {
    setState((current) => (current.status === 'signed-in' ? { ...current, user } : current));
  }, []);

  const expire = useCallback(() => {
    setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : current));
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ state, signIn, signOut, refresh, updateUser, expire }),
    [state, signIn, signOut, refresh, updateUser, expire],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
