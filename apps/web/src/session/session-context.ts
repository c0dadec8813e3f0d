import { createContext } from 'react';
import type { Me, SessionResponse } from '@confide/contract';
import type { ApiProblem } from '../api/api-problem';

export type SessionState =
  | { status: 'loading' }
  /**
   * `signed-out` right after the user signed out here; `expired` when the API stopped accepting the
   * session (timed out or signed out elsewhere); none when nobody was signed in.
   */
  | { status: 'signed-out'; reason?: 'signed-out' | 'expired' }
  | { status: 'signed-in'; user: Me; csrfToken: string }
  /** The session could not be checked (the server could not be reached). */
  | { status: 'unavailable'; problem: ApiProblem };

export interface SessionContextValue {
  state: SessionState;
  /** Start a session from a login, register or two-step confirmation answer. */
  signIn(session: SessionResponse): void;
  /** End the session on the server, then forget it here. */
  signOut(): Promise<void>;
  /** Ask the server who is signed in. */
  refresh(): Promise<void>;
  /** Replace the signed-in user after a change to their details. */
  updateUser(user: Me): void;
  /** Forget a session the API has stopped accepting. */
  expire(): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
