import {
  API, MemberImportResult, MemberNumber, PartnerMemberInput, PartnerMemberList, PartnerMemberQuery, PartnerPlanList, PartnerUsage,
} from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors/problem-error';
import * as partner from '../../services/partner.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['partner'];
// Member lists are the partner's own records of people, not clinical data; the policy module still decides.
const PARTNER_ADMIN = { kind: 'signed-in', roles: ['partner_admin'], patientData: false } as const;
const MemberParams = z.object({ memberNumber: MemberNumber });
const CSV_LIMIT_BYTES = 5 * 1024 * 1024;

/** Partner administration: the member list (API and CSV) and aggregate usage. */
export function partnerRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  r.get(API.partnerPlans, {
    schema: { tags: TAGS, summary: "Your organisation's plans and what each covers", response: { 200: PartnerPlanList } },
    config: { access: PARTNER_ADMIN },
  }, async (req) => ({ items: await partner.listPlans(deps, req.ctx, requirePrincipal(req)) }));

  r.get(API.partnerMembers, {
    schema: { tags: TAGS, summary: 'Your member list, by family name', querystring: PartnerMemberQuery, response: { 200: PartnerMemberList } },
    config: { access: PARTNER_ADMIN },
  }, async (req) => partner.listMembers(deps, req.ctx, requirePrincipal(req), req.query));

  r.put('/api/v1/partner/members/:memberNumber', {
    schema: { tags: TAGS, summary: 'Add or update a member (201 added, 200 updated)', params: MemberParams, body: PartnerMemberInput, response: { 200: z.object({ memberNumber: z.string() }), 201: z.object({ memberNumber: z.string() }) } },
    config: { access: PARTNER_ADMIN },
  }, async (req, reply) => {
    const { created } = await partner.putMember(deps, req.ctx, requirePrincipal(req), req.params.memberNumber, req.body);
    return reply.code(created ? 201 : 200).send({ memberNumber: req.params.memberNumber });
  });

  r.delete('/api/v1/partner/members/:memberNumber', {
    schema: { tags: TAGS, summary: 'Remove a member: they can no longer book through you', params: MemberParams },
    config: { access: PARTNER_ADMIN },
  }, async (req, reply) => {
    if (!(await partner.removeMember(deps, req.ctx, requirePrincipal(req), req.params.memberNumber))) throw notFound();
    return reply.code(204).send();
  });

  r.post(API.partnerMemberImport, {
    schema: {
      tags: TAGS,
      summary: 'Load a member list as CSV (text/csv): member_number, given_name, family_name, date_of_birth, plan, optional action (upsert or remove). All or nothing.',
      body: z.string({ error: 'Send the member list as text/csv.' }),
      response: { 200: MemberImportResult },
    },
    config: { access: PARTNER_ADMIN },
    bodyLimit: CSV_LIMIT_BYTES,
  }, async (req) => partner.importMembers(deps, req.ctx, requirePrincipal(req), req.body));

  r.get(API.partnerUsage, {
    schema: { tags: TAGS, summary: 'Appointments through your cover by month and type (counts under 5 withheld)', response: { 200: PartnerUsage } },
    config: { access: PARTNER_ADMIN },
  }, async (req) => partner.usage(deps, req.ctx, requirePrincipal(req)));
}
