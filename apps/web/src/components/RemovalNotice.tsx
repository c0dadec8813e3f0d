import { Notice } from './Notice';
import type { RemovalMessage } from './use-removal';

/** How the last removal went: a polite success notice, or an error read out at once. */
export function RemovalNotice({ message }: { message: RemovalMessage | null }) {
  if (message?.kind === 'done') return <Notice kind="success">{message.text}</Notice>;
  if (message?.kind === 'failed') {
    return (
      <p className="notice notice--error" role="alert">
        {message.text}
      </p>
    );
  }
  return null;
}
