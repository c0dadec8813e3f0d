import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from './use-api';
import { useApiResource, type ApiResource } from './use-api-resource';
import { usePoll } from './use-poll';

export interface LiveResource<T> extends ApiResource<T> {
  /** Loads it again quietly: what is shown stays until the new answer replaces it (no loading state). */
  refresh: (signal?: AbortSignal) => Promise<void>;
  /** The last quiet refresh failed, so what is shown may be out of date. */
  refreshFailed: boolean;
}

interface LiveOptions<T> {
  /** Refresh quietly this often (milliseconds) once loaded; never if left out. */
  pollMs?: number;
  /** Keep polling only while this holds for the loaded data, e.g. while a patient is still waiting. */
  pollWhile?: (data: T) => boolean;
}

/** `useApiResource`, plus quiet refreshes: on demand, and every `pollMs` if asked. */
export function useLiveResource<T>(path: string, { pollMs, pollWhile }: LiveOptions<T> = {}): LiveResource<T> {
  const api = useApi();
  const { resource, reload, update } = useApiResource<T>(path);
  const [refreshFailed, setRefreshFailed] = useState(false);
  // An answer for a path no longer shown (the day changed meanwhile) must not replace the new one.
  const shownPath = useRef(path);
  useEffect(() => {
    shownPath.current = path;
  }, [path]);

  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const data = await api.get<T>(path, signal);
        if (signal?.aborted || shownPath.current !== path) return;
        update(() => data);
        setRefreshFailed(false);
      } catch {
        if (!signal?.aborted) setRefreshFailed(true);
      }
    },
    [api, path, update],
  );

  const active = pollMs !== undefined && resource.status === 'loaded' && (pollWhile ? pollWhile(resource.data) : true);
  usePoll(refresh, pollMs ?? 0, active);
  return { resource, reload, update, refresh, refreshFailed };
}
