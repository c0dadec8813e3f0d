import { ApiProblem } from './api-problem';

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** A plain-English sentence for any failed request, for an error summary or a failed page load. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiProblem)) return 'Sorry, something went wrong. Try again.';
  if (error.status === 0) return error.title;
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ? minutes(error.retryAfterSeconds) : 'a few minutes';
    return `There have been too many attempts. Wait ${wait} and try again.`;
  }
  // A service an administrator has switched off says so in plain English (503, code feature_off).
  if (error.code === 'feature_off' && error.detail) return error.detail;
  if (error.status >= 500) return 'Sorry, there is a problem with the service. Try again later.';
  return error.detail ?? error.title;
}
