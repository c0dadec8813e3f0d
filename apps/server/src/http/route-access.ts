import type { Principal, Role } from '@confide/domain';
import type { FastifyRequest } from 'fastify';
import { ProblemError, unauthorized } from '../errors/problem-error';
import type { RequestContext } from '../services/request-context';

/**
 * Every route declares who may call it. The server refuses to start if a route lacks this, and a route that
 * declares patient data must take at least one policy decision before it answers (checked on the way out).
 */
export type RouteAccess =
  | { kind: 'public'; reason: string }
  | {
      kind: 'signed-in';
      /** Roles allowed at all; others get 403 before anything runs. Omitted: every role. */
      roles?: readonly Role[];
      /** Staff who have not yet passed two-step verification may call it (enrolment, session, sign-out). */
      allowWithoutMfa?: boolean;
      /** The route reads or writes patient data: the policy module must decide before it answers. */
      patientData: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
    ctx: RequestContext;
  }
}

/** The principal, or 401. After this the principal is non-null at compile time. */
export function requirePrincipal(req: FastifyRequest): Principal {
  const p = req.principal;
  if (!p) throw unauthorized();
  const access = req.routeOptions.config.access;
  if (access?.kind !== 'signed-in') throw new Error('requirePrincipal on a route not declared signed-in');
  if (!p.mfaSatisfied && !access.allowWithoutMfa) {
    throw new ProblemError(403, 'Two-step verification needed', { code: 'mfa_required', detail: 'Set up two-step verification to continue.' });
  }
  if (access.roles && !access.roles.includes(p.role)) {
    throw new ProblemError(403, 'Forbidden', { code: 'wrong_role', detail: 'Your account cannot use this.' });
  }
  return p;
}
