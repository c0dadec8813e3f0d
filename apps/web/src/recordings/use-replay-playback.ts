import { useCallback, useEffect, useRef, useState } from 'react';
import { API, type ReplayPlayback, type StartReplayRequest } from '@confide/contract';
import { useApi } from '../api/use-api';
import { linkDeadline } from './replay-link';

/** The current media links and when they stop working, by this device's clock. */
export interface ReplayLinks {
  playback: ReplayPlayback;
  receivedAt: number;
  deadline: number;
}

export type ReplayStart = { status: 'starting' } | { status: 'failed'; error: unknown } | ({ status: 'ready' } & ReplayLinks);

export interface ReplayPlaybackHandle {
  start: ReplayStart;
  /** Asks again after the first request failed ("Try again"). */
  retry: () => void;
  /** Fresh media links for the same viewing (POST with its `viewingId`): never a new viewing. */
  renew: () => Promise<ReplayLinks>;
}

function linksOf(playback: ReplayPlayback): ReplayLinks {
  const receivedAt = Date.now();
  return { playback, receivedAt, deadline: linkDeadline(playback.linkExpiresAt, receivedAt) };
}

/**
 * Starts playing one recording: one POST when the page opens (the server composes the recording if it has not
 * yet, which can take a few seconds, and records the viewing in the patient's access history), and further POSTs
 * only to renew the media links of that same viewing.
 */
export function useReplayPlayback(consultationId: string): ReplayPlaybackHandle {
  const api = useApi();
  const [start, setStart] = useState<ReplayStart>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  // One request per attempt, even when React runs the effect twice (development) or the API client changes.
  const requested = useRef<number | null>(null);
  const mounted = useRef(true);
  const current = useRef<ReplayLinks | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (requested.current === attempt) return;
    requested.current = attempt;
    const body: StartReplayRequest = {};
    api.post<ReplayPlayback>(API.consultationReplay(consultationId), body).then(
      (playback) => {
        if (!mounted.current) return;
        const links = linksOf(playback);
        current.current = links;
        setStart({ status: 'ready', ...links });
      },
      (error: unknown) => {
        if (mounted.current) setStart({ status: 'failed', error });
      },
    );
  }, [api, consultationId, attempt]);

  const retry = useCallback(() => {
    setStart({ status: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  const renew = useCallback(async () => {
    const viewing = current.current;
    if (!viewing) throw new Error('There is no playback to renew.');
    const body: StartReplayRequest = { viewingId: viewing.playback.viewingId };
    const links = linksOf(await api.post<ReplayPlayback>(API.consultationReplay(consultationId), body));
    if (mounted.current) {
      current.current = links;
      setStart({ status: 'ready', ...links });
    }
    return links;
  }, [api, consultationId]);

  return { start, retry, renew };
}
