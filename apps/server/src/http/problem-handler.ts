import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ProblemError, type FieldError } from '../errors/problem-error';

export const PROBLEM_TYPE = 'application/problem+json';

export function problemBody(status: number, title: string, extra: { detail?: string; code?: string; errors?: FieldError[] }, instance?: string) {
  return {
    type: extra.code ? `https://confide.health/problems/${extra.code}` : 'about:blank',
    title,
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(instance ? { instance } : {}),
  };
}

/**
 * One error handler for the whole API: typed errors become RFC 9457 problem details naming the field at fault;
 * anything unexpected becomes a bare 500, logged on the server with its request id and never echoed.
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { field: [err.validationContext ?? 'body', path].filter(Boolean).join('.'), message: v.message ?? 'Invalid value.' };
      });
      const detail = `Check ${[...new Set(errors.map((e) => e.field))].join(', ')}: ${errors[0]?.message ?? ''}`;
      return reply.code(400).type(PROBLEM_TYPE).send(problemBody(400, 'Your request has problems', { detail, errors, code: 'validation' }));
    }
    if (err instanceof ProblemError) {
      return reply.code(err.status).type(PROBLEM_TYPE).send(problemBody(err.status, err.title, err.options));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, rate limited.
      const code = status === 429 ? 'rate_limited' : err.code?.toLowerCase();
      const detail = status === 429 ? 'Too many attempts. Wait a minute and try again.' : err.message;
      return reply.code(status).type(PROBLEM_TYPE).send(problemBody(status, 'Your request could not be handled', { detail, code }));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).type(PROBLEM_TYPE).send(problemBody(500, 'Something went wrong', { detail: `Quote reference ${req.id} if you contact us.` }));
  });

}
