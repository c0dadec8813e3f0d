import type { Problem } from '@confide/contract';

/** Field errors keyed by form field name (`body.email` from the API becomes `email`). */
export type FieldErrors = Record<string, string>;

const LOCATION_PREFIX = /^(body|query|params|headers)\./;

/** The form field a problem's dotted `field` refers to: `body.email` → `email`. */
export function formFieldOf(field: string): string {
  return field.replace(LOCATION_PREFIX, '');
}

/**
 * An error answer from the API (RFC 9457 problem details), or a failure to reach it (`status` 0).
 * Thrown by the API client so pages can show the message and mark the fields it names.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly fieldErrors: FieldErrors;
  /** Seconds to wait before trying again, from a `Retry-After` header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.retryAfterSeconds = retryAfterSeconds;
    const fieldErrors: FieldErrors = {};
    for (const { field, message } of problem.errors ?? []) {
      const name = formFieldOf(field);
      fieldErrors[name] ??= message;
    }
    this.fieldErrors = fieldErrors;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  static network(): ApiProblem {
    return new ApiProblem({
      type: 'about:blank',
      title: 'We could not connect to Confide. Check your internet connection and try again.',
      status: 0,
      code: 'network_error',
    });
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}
