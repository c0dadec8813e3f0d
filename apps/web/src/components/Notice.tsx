import type { ReactNode } from 'react';

interface NoticeProps {
  kind?: 'info' | 'success' | 'warning';
  children: ReactNode;
}

/** A message announced politely to screen readers, such as "Your changes have been saved". */
export function Notice({ kind = 'info', children }: NoticeProps) {
  return (
    <div className={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}
