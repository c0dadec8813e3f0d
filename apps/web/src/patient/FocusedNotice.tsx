import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A success message that takes focus when it appears, for when the control the person used has gone (a
 * "Choose" or "Request a repeat" button replaced by its outcome). Give it a new `key` to focus it again.
 */
export function FocusedNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}
