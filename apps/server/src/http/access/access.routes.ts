import { API, LinkMembershipRequest, MyAccess, NhsRegistrationRequest, PartnerList } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as access from '../../services/access.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['access'];
const PATIENT = { kind: 'signed-in', roles: ['patient'], patientData: true } as const;

/** A patient's routes to care: NHS registration with the practice, partner memberships, and what they may book. */
export function accessRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.myAccess, {
    schema: { tags: TAGS, summary: 'Your NHS registration, memberships, and how you may book each appointment type', response: { 200: MyAccess } },
    config: { access: PATIENT },
  }, async (req) => access.myAccess(deps, req.ctx, requirePrincipal(req)));

  r.post(API.myNhsRegistration, {
    schema: { tags: TAGS, summary: "Register with the clinic's GP practice for NHS appointments", body: NhsRegistrationRequest, response: { 201: MyAccess } },
    config: { access: PATIENT },
  }, async (req, reply) => reply.code(201).send(await access.registerWithPractice(deps, req.ctx, requirePrincipal(req), req.body)));

  r.post(API.myMemberships, {
    schema: { tags: TAGS, summary: 'Link an insurer or employer membership by member number and date of birth', body: LinkMembershipRequest, response: { 201: MyAccess } },
    // Few tries: the member number and date of birth are the proof, and must not be guessable by trying.
    config: {
      access: PATIENT,
      rateLimit: { max: deps.config.auth.membershipLinkAttemptsPerHour, timeWindow: '1 hour', hook: 'preHandler', keyGenerator: (req) => req.principal?.userId ?? req.ip },
    },
  }, async (req, reply) => reply.code(201).send(await access.linkMembership(deps, req.ctx, requirePrincipal(req), req.body)));

  r.get(API.partners, {
    schema: { tags: TAGS, summary: 'Insurers and employers whose members may book', response: { 200: PartnerList } },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: false } },
  }, async (req) => ({ items: await access.listPartners(deps, req.ctx, requirePrincipal(req)) }));
}
