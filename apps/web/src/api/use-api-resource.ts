import { useCallback, useEffect, useState } from 'react';
import { useApi } from './use-api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown };

/** Loads `path` with GET when mounted and whenever `reload` is called. */
export function useApiResource<T>(path: string): { resource: Resource<T>; reload: () => void } {
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
  return { resource, reload };
}
