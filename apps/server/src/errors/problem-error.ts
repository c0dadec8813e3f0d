/**
 * The one error type that becomes an HTTP answer, rendered as RFC 9457 application/problem+json.
 * Anything else thrown becomes a bare 500 and is logged on the server only.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly options: { detail?: string; code?: string; errors?: FieldError[] } = {},
  ) {
    super(title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[], code?: string) =>
  new ProblemError(400, 'Your request has problems', { detail, errors, code });
export const fieldError = (field: string, message: string, status = 400) =>
  new ProblemError(status, status === 409 ? 'Conflict' : 'Your request has problems', {
    detail: message,
    errors: [{ field, message }],
  });
export const unauthorized = (code = 'unauthenticated', detail = 'Sign in to continue.') =>
  new ProblemError(401, 'Not signed in', { detail, code });
export const forbidden = (code = 'forbidden', detail = 'You do not have access to this.') =>
  new ProblemError(403, 'Forbidden', { detail, code });
/** The same answer for "absent" and "not yours", so nothing hints at another patient's data. */
export const notFound = () => new ProblemError(404, 'Not found', { detail: 'We could not find that.' });
