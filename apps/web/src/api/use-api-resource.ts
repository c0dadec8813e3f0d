import { useCallback, useEffect, useState } from 'react';
import { useApi } from './use-api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown };

export interface ApiResource<T> {
  resource: Resource<T>;
  /** Loads it again (showing the loading state meanwhile). */
  reload: () => void;
  /** Changes the loaded data in place after a successful write, without loading it again. */
  update: (change: (data: T) => T) => void;
  /** Shows `data` as loaded, whatever was shown before (a quiet refresh's answer, even after a failed load). */
  replace: (data: T) => void;
}

/** Loads `path` with GET when mounted, when `path` changes and whenever `reload` is called. */
export function useApiResource<T>(path: string): ApiResource<T> {
  const api = useApi();
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    api.get<T>(path, controller.signal).then(
      (data) => setResource({ status: 'loaded', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (data: T) => T) => {
    setResource((current) => (current.status === 'loaded' ? { status: 'loaded', data: change(current.data) } : current));
  }, []);
  const replace = useCallback((data: T) => setResource({ status: 'loaded', data }), []);
  return { resource, reload, update, replace };
}
