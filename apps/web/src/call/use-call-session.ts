import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { API, type Consultation } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { CallSession, joiningSnapshot, type CallSnapshot, type ConsultationCheck } from './call-session';

const noSubscription = () => () => undefined;

/**
 * Joins the consultation's call while the calling component is on the page, and leaves it (socket closed,
 * connections closed, camera and microphone off) when it goes.
 */
export function useCallSession(consultation: Consultation): { call: CallSnapshot; session: CallSession | null } {
  const api = useApi();
  // The call must not restart when the API client is renewed, so it reads the latest one when it needs it.
  const apiRef = useRef(api);
  useEffect(() => {
    apiRef.current = api;
  }, [api]);

  const [session, setSession] = useState<CallSession | null>(null);
  const [initial] = useState(() => joiningSnapshot(consultation.chat));
  const { id, mode, you } = consultation;

  useEffect(() => {
    async function check(): Promise<ConsultationCheck> {
      try {
        const found = await apiRef.current.get<Consultation>(API.consultation(id));
        return found.endedAt ? 'ended' : 'open';
      } catch (error) {
        return isApiProblem(error) && error.status === 404 ? 'not-found' : 'unknown';
      }
    }
    // The chat loaded with the page is only the starting point: the call keeps its own from then on.
    const created = new CallSession({ consultationId: id, mode, you, chat: initial.chat, check });
    setSession(created);
    void created.start();
    return () => created.dispose();
  }, [id, mode, you, initial]);

  const call = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? (() => initial));
  return { call, session };
}
