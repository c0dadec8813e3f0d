import { API, AuditVerification, OutboxList, StaffList } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOutbox, listStaff, verifyAudit } from '../../services/admin.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['admin'];
const ADMIN = { kind: 'signed-in', roles: ['clinic_admin'] } as const;

export function adminRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.staff, {
    schema: { tags: TAGS, summary: 'The clinic staff', response: { 200: StaffList } },
    config: { access: { ...ADMIN, patientData: false } },
  }, async (req) => ({ items: await listStaff(deps, req.ctx, requirePrincipal(req)) }));

  r.get(API.outbox, {
    schema: { tags: TAGS, summary: 'Messages waiting in the outbox (development only)', response: { 200: OutboxList } },
    config: { access: { ...ADMIN, patientData: true } },
  }, async (req) => ({ items: await listOutbox(deps, req.ctx, requirePrincipal(req)) }));

  r.get(API.auditVerify, {
    schema: { tags: TAGS, summary: "Check the audit log's hash chain", response: { 200: AuditVerification } },
    config: { access: { ...ADMIN, patientData: false } },
  }, async (req) => verifyAudit(deps, req.ctx, requirePrincipal(req)));
}
