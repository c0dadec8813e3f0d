import { Notice } from '../components/Notice';

/** Always at the top of the symptom checker: what to do in an emergency, and what the checker is not. */
export function EmergencyNotice() {
  return (
    <Notice kind="warning">
      <p>
        <strong>
          If you think it's an emergency, call <a href="tel:999">999</a> now.
        </strong>
      </p>
      <p>This checker gives advice, not a diagnosis.</p>
    </Notice>
  );
}
