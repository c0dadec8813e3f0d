import { useMemo } from 'react';
import { useSession } from '../session/use-session';
import { apiRequest, type HttpMethod } from './api-client';
import { isApiProblem } from './api-problem';

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
}

/**
 * The API client bound to the current session: it sends the CSRF token on writes and, if the API says
 * the session is no longer valid, forgets it so the user is taken to sign in.
 */
export function useApi(): Api {
  const { state, expire } = useSession();
  const csrfToken = state.status === 'signed-in' ? state.csrfToken : null;

  return useMemo(() => {
    async function call<T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
      try {
        return await apiRequest<T>(method, path, { body, csrfToken, signal });
      } catch (error) {
        if (csrfToken && isApiProblem(error) && error.status === 401) expire();
        throw error;
      }
    }
    return {
      get: (path, signal) => call('GET', path, undefined, signal),
      post: (path, body) => call('POST', path, body),
      patch: (path, body) => call('PATCH', path, body),
      delete: (path) => call('DELETE', path),
    };
  }, [csrfToken, expire]);
}
