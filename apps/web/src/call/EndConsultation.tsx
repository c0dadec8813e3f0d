import { useEffect, useRef, useState } from 'react';

interface EndConsultationProps {
  patientName: string;
  /** Asks the server to end it; false if the call is not connected just now. */
  onEnd: () => boolean;
  /** The server refused (its message shows on the page): the button is ready again. */
  failed: boolean;
}

const NOT_SENT = 'The consultation could not be ended because the call is reconnecting. Try again in a moment.';

/** The clinician's "End consultation", confirmed with "Yes, end the consultation" (or "No, carry on"). */
export function EndConsultation({ patientName, onEnd, failed }: EndConsultationProps) {
  const [confirming, setConfirming] = useState(false);
  /** Set once the question has been asked, so focus returns to the button after "No, carry on". */
  const [asked, setAsked] = useState(false);
  const [sent, setSent] = useState(false);
  const [notSent, setNotSent] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);
  const ending = sent && !failed;

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (asked) endRef.current?.focus();
  }, [confirming, asked]);

  function confirm() {
    if (ending) return;
    const ok = onEnd();
    setSent(ok);
    setNotSent(!ok);
  }

  function carryOn() {
    setConfirming(false);
    setNotSent(false);
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--warning"
        ref={endRef}
        onClick={() => {
          setConfirming(true);
          setAsked(true);
        }}
      >
        End consultation
      </button>
    );
  }

  return (
    <div className="call-end-confirm" role="group" aria-labelledby="end-question">
      <p id="end-question" tabIndex={-1} ref={questionRef}>
        <strong>End the consultation for you and {patientName}?</strong> The call closes for both of you and the appointment is
        marked completed.
      </p>
      {notSent && (
        <p className="error-message" role="alert">
          {NOT_SENT}
        </p>
      )}
      <div className="call-controls__row">
        <button type="button" className="button button--warning" onClick={confirm} aria-busy={ending} aria-disabled={ending || undefined}>
          {ending ? 'Ending the consultation…' : 'Yes, end the consultation'}
        </button>
        <button type="button" className="button button--secondary" onClick={carryOn}>
          No, carry on
        </button>
      </div>
    </div>
  );
}
