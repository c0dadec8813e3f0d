import { isApiProblem } from '../api/api-problem';
import { FEATURE_LABELS } from '../format/feature-labels';

export const REPLAY_NOT_FOUND_TEXT = 'We could not find that recording.';
export const REPLAY_NOT_READY_TEXT = 'A recording can be played once the consultation has ended.';
export const REPLAYS_UNAVAILABLE_TEXT = `${FEATURE_LABELS.replays} is temporarily unavailable. Please try again later.`;

/** Why a recording cannot be listed or played, as far as the page says anything different about it. */
export type ReplayProblem =
  | { kind: 'not-found' }
  | { kind: 'not-ready'; message: string }
  /** An administrator has switched Consultation Replays off (503, code feature_off). */
  | { kind: 'unavailable' }
  /** Anything else, said with `problemMessage`. */
  | { kind: 'other' };

export function replayProblemOf(error: unknown): ReplayProblem {
  if (!isApiProblem(error)) return { kind: 'other' };
  if (error.code === 'feature_off') return { kind: 'unavailable' };
  if (error.code === 'replay_not_ready') return { kind: 'not-ready', message: error.detail ?? REPLAY_NOT_READY_TEXT };
  if (error.status === 404) return { kind: 'not-found' };
  return { kind: 'other' };
}
