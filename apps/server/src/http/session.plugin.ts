import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from '@confide/contract';
import { timingSafeEqual } from 'node:crypto';
import { ProblemError } from '../errors/problem-error';
import { principalFromSessionToken } from '../services/auth.service';
import { newRequestContext } from '../services/request-context';
import type { ServiceDeps } from '../services/service-deps';
import { SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie to a principal for every request (none means anonymous, never a default),
 * and guards state-changing requests against cross-site forgery: a foreign Origin is refused, and a signed-in
 * request must echo the session's CSRF token in a header that a cross-site form cannot set.
 */
export function registerSession(app: FastifyInstance, deps: ServiceDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (req) => {
    req.ctx = newRequestContext({ ip: req.ip, requestId: req.id });
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await principalFromSessionToken(deps, token);
      if (found) {
        req.principal = found.principal;
        req.csrfToken = found.csrfToken;
      }
    }
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.headers.host) throw new ProblemError(403, 'Forbidden', { code: 'cross_origin', detail: 'Cross-site requests are not allowed.' });
    } else if (origin === 'null') {
      throw new ProblemError(403, 'Forbidden', { code: 'cross_origin', detail: 'Cross-site requests are not allowed.' });
    }
    if (req.principal && req.csrfToken) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, req.csrfToken)) {
        throw new ProblemError(403, 'Forbidden', { code: 'csrf', detail: 'Your session token is missing or out of date. Reload the page and try again.' });
      }
    }
  });
}
