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
  /**
   * Keep polling after a failed load too, and show the first answer that comes: for checks that run in the
   * background with no "Try again" button, such as the open incidents banner.
   */
  pollAfterFailure?: boolean;
}

/** `useApiResource`, plus quiet refreshes: on demand, and every `pollMs` if asked. */
export function useLiveResource<T>(path: string, { pollMs, pollWhile, pollAfterFailure = false }: LiveOptions<T> = {}): LiveResource<T> {
  const api = useApi();
  const { resource, reload, update, replace } = useApiResource<T>(path);
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
        replace(data);
        setRefreshFailed(false);
      } catch {
        if (!signal?.aborted) setRefreshFailed(true);
      }
    },
    [api, path, replace],
  );

  const polling =
    resource.status === 'loaded' ? (pollWhile ? pollWhile(resource.data) : true) : resource.status === 'failed' && pollAfterFailure;
  const active = pollMs !== undefined && polling;
  usePoll(refresh, pollMs ?? 0, active);
  return { resource, reload, update, replace, refresh, refreshFailed };
}
