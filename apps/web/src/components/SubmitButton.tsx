interface SubmitButtonProps {
  busy: boolean;
  /** The button's name, e.g. "Sign in". */
  children: string;
  /** Shown while the request runs, e.g. "Signing in…". */
  busyText: string;
  /** Red, for a step that cannot be undone, such as "Yes, cancel it". */
  warning?: boolean;
  /** The id of a warning or hint about pressing it, read out with the button. */
  describedBy?: string;
}

/** A form's main button; shows progress while the request runs. Forms ignore repeat submits while busy. */
export function SubmitButton({ busy, children, busyText, warning = false, describedBy }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={warning ? 'button button--warning' : 'button'}
      aria-busy={busy}
      aria-disabled={busy || undefined}
      aria-describedby={describedBy}
    >
      {busy ? busyText : children}
    </button>
  );
}
