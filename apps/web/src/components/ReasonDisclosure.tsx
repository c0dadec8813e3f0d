import { useEffect, type ReactNode } from 'react';

interface ReasonDisclosureProps {
  /** The id of what opens under the button (a reason form). */
  id: string;
  /** The field that takes focus when it opens. */
  fieldId: string;
  open: boolean;
  onToggle: () => void;
  /** The button's visible text ("Cancel", "Revoke"). */
  label: string;
  /** What it acts on, for screen readers, so that each button on the page has its own name. */
  context: string;
  children: ReactNode;
}

/** A button that opens a reason form under it (cancelling a prescription, revoking a key) and puts focus in its field. */
export function ReasonDisclosure({ id, fieldId, open, onToggle, label, context, children }: ReasonDisclosureProps) {
  useEffect(() => {
    if (open) document.getElementById(fieldId)?.focus();
  }, [open, fieldId]);

  return (
    <>
      <button type="button" className="button button--secondary" aria-expanded={open} aria-controls={open ? id : undefined} onClick={onToggle}>
        {label}
        <span className="visually-hidden"> {context}</span>
      </button>
      {open && <div id={id}>{children}</div>}
    </>
  );
}
