import { useMemo } from 'react';
import { useSession } from '../session/use-session';
import { apiResponse, type ApiResponse, type HttpMethod, type RequestOptions } from './api-client';
import { isApiProblem } from './api-problem';

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  /** Posts text as it is, such as a CSV file with `text/csv`. */
  postText<T>(path: string, content: string, contentType: string): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  /** Creates or replaces: the status says which (201 created, 200 replaced). */
  put<T>(path: string, body: unknown): Promise<ApiResponse<T>>;
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
    async function send<T>(method: HttpMethod, path: string, options: Omit<RequestOptions, 'csrfToken'> = {}): Promise<ApiResponse<T>> {
      try {
        return await apiResponse<T>(method, path, { ...options, csrfToken });
      } catch (error) {
        if (csrfToken && isApiProblem(error) && error.status === 401) expire();
        throw error;
      }
    }
    async function call<T>(method: HttpMethod, path: string, options?: Omit<RequestOptions, 'csrfToken'>): Promise<T> {
      return (await send<T>(method, path, options)).data;
    }
    return {
      get: (path, signal) => call('GET', path, { signal }),
      post: (path, body) => call('POST', path, { body }),
      postText: (path, content, contentType) => call('POST', path, { text: { content, contentType } }),
      patch: (path, body) => call('PATCH', path, { body }),
      put: (path, body) => send('PUT', path, { body }),
      delete: (path) => call('DELETE', path),
    };
  }, [csrfToken, expire]);
}
