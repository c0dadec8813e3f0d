import {
  API,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RegisterRequest,
  SessionResponse,
  TotpConfirmRequest,
  TotpSetupResponse,
} from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as auth from '../../services/auth.service';
import { loadMe } from '../../services/me.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';
import { clearSessionCookie, setSessionCookie } from '../session-cookie';

const TAGS = ['auth'];

export function authRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sessionMaxAge = deps.config.session.absoluteHours * 3600;
  const rateLimit = { max: deps.config.auth.loginRateLimitPerMinute, timeWindow: '1 minute' };

  r.post(API.register, {
    schema: { tags: TAGS, summary: 'Register as a patient (signs you in)', body: RegisterRequest, response: { 201: SessionResponse } },
    config: { access: { kind: 'public', reason: 'creating an account' }, rateLimit },
  }, async (req, reply) => {
    const signedIn = await auth.register(deps, req.ctx, req.body);
    setSessionCookie(reply, signedIn.token, sessionMaxAge);
    return reply.code(201).send(signedIn.session);
  });

  r.post(API.login, {
    schema: { tags: TAGS, summary: 'Sign in with email, password and (staff) a TOTP code', body: LoginRequest, response: { 200: SessionResponse } },
    config: { access: { kind: 'public', reason: 'signing in' }, rateLimit },
  }, async (req, reply) => {
    const signedIn = await auth.login(deps, req.ctx, req.body);
    setSessionCookie(reply, signedIn.token, sessionMaxAge);
    return signedIn.session;
  });

  r.post(API.logout, {
    schema: { tags: TAGS, summary: 'Sign out: ends the session on the server' },
    config: { access: { kind: 'signed-in', allowWithoutMfa: true, patientData: false } },
  }, async (req, reply) => {
    await auth.logout(deps, req.ctx, requirePrincipal(req));
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  r.get(API.session, {
    schema: { tags: TAGS, summary: 'The current session and its CSRF token', response: { 200: SessionResponse } },
    config: { access: { kind: 'signed-in', allowWithoutMfa: true, patientData: true } },
  }, async (req) => {
    const principal = requirePrincipal(req);
    return { user: await loadMe(deps, req.ctx, principal), csrfToken: req.csrfToken ?? '' };
  });

  r.post(API.totpSetup, {
    schema: { tags: TAGS, summary: 'Start two-step verification enrolment (staff)', response: { 200: TotpSetupResponse } },
    config: { access: { kind: 'signed-in', allowWithoutMfa: true, patientData: false } },
  }, async (req) => auth.startTotpEnrolment(deps, requirePrincipal(req)));

  r.post(API.totpConfirm, {
    schema: { tags: TAGS, summary: 'Confirm enrolment with a code', body: TotpConfirmRequest, response: { 200: SessionResponse } },
    config: { access: { kind: 'signed-in', allowWithoutMfa: true, patientData: false }, rateLimit },
  }, async (req) => {
    const principal = await auth.confirmTotpEnrolment(deps, req.ctx, requirePrincipal(req), req.body.code);
    return { user: await loadMe(deps, req.ctx, principal), csrfToken: req.csrfToken ?? '' };
  });

  r.post(API.passwordReset, {
    schema: { tags: TAGS, summary: 'Email a password reset link (answers the same whether or not the account exists)', body: PasswordResetRequest, response: { 202: z.object({ status: z.literal('sent-if-registered') }) } },
    config: { access: { kind: 'public', reason: 'forgotten password' }, rateLimit },
  }, async (req, reply) => {
    await auth.requestPasswordReset(deps, req.ctx, req.body.email);
    return reply.code(202).send({ status: 'sent-if-registered' as const });
  });

  r.post(API.passwordResetConfirm, {
    schema: { tags: TAGS, summary: 'Choose a new password with a reset link token', body: PasswordResetConfirmRequest },
    config: { access: { kind: 'public', reason: 'completing a password reset' }, rateLimit },
  }, async (req, reply) => {
    await auth.completePasswordReset(deps, req.ctx, req.body.token, req.body.password);
    return reply.code(204).send();
  });
}
