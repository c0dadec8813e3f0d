import type { ReactNode } from 'react';
import type { Resource } from '../api/use-api-resource';
import { LoadFailed } from './LoadFailed';
import { Loading } from './Loading';

interface AsyncContentProps<T> {
  resource: Resource<T>;
  /** Shown while loading, e.g. "Loading your access history…". */
  loadingText: string;
  /** The start of the failure sentence, e.g. "Your access history could not be loaded.". */
  failureText: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** Renders a loaded resource, or its loading and failed states. */
export function AsyncContent<T>({ resource, loadingText, failureText, onRetry, children }: AsyncContentProps<T>) {
  if (resource.status === 'loading') return <Loading>{loadingText}</Loading>;
  if (resource.status === 'failed') return <LoadFailed what={failureText} error={resource.error} onRetry={onRetry} />;
  return <>{children(resource.data)}</>;
}
