interface SubmitButtonProps {
  busy: boolean;
  /** The button's name, e.g. "Sign in". */
  children: string;
  /** Shown while the request runs, e.g. "Signing in…". */
  busyText: string;
}

/** A form's main button; shows progress while the request runs. Forms ignore repeat submits while busy. */
export function SubmitButton({ busy, children, busyText }: SubmitButtonProps) {
  return (
    <button type="submit" className="button" aria-busy={busy} aria-disabled={busy || undefined}>
      {busy ? busyText : children}
    </button>
  );
}
