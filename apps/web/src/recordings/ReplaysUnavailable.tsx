import { Notice } from '../components/Notice';
import { REPLAYS_UNAVAILABLE_TEXT } from './replay-problem';

/** Shown instead of recordings while an administrator has switched Consultation Replays off. */
export function ReplaysUnavailable() {
  return (
    <Notice kind="warning">
      <p>{REPLAYS_UNAVAILABLE_TEXT}</p>
    </Notice>
  );
}
