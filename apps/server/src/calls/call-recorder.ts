import type { IceCandidate, Participant, SessionDescription } from '@confide/contract';
import type { Principal } from '@confide/domain';
import type { ConsultationOwner } from '../db/repositories/consultation.repository';
import type { RequestContext } from '../services/request-context';

/** The server side of one participant's `recorder` connection: it receives their media and records it. */
export interface RecorderSession {
  /** Answers the participant's offer (the first, and each renegotiation such as audio → video). */
  answer(offer: SessionDescription): Promise<SessionDescription>;
  addCandidate(candidate: IceCandidate | null): Promise<void>;
  /** Stops recording: flushes and commits what was captured. */
  close(): Promise<void>;
}

export interface RecorderOpenArgs {
  /** Fixed when the participant joined, from the consultation row; every segment is written with it. */
  readonly owner: ConsultationOwner;
  readonly participant: Participant;
  /** The participant's own principal: segments are committed as them, under row-level security. */
  readonly principal: Principal;
  readonly ctx: RequestContext;
  readonly onCandidate: (candidate: IceCandidate | null) => void;
}

export interface CallRecorder {
  open(args: RecorderOpenArgs): RecorderSession;
  /** Flushes and closes every recording in progress (server shutdown). */
  closeAll(): Promise<void>;
}
