import { problemMessage } from '../api/problem-message';

interface LoadFailedProps {
  /** What could not be loaded, as the start of a sentence: "Your access history could not be loaded." */
  what: string;
  error: unknown;
  onRetry?: () => void;
}

export function LoadFailed({ what, error, onRetry }: LoadFailedProps) {
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {what} {problemMessage(error)}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
