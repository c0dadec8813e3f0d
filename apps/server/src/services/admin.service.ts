import type { AuditVerification, OutboxMessage, StaffMember } from '@confide/contract';
import { CLINIC, type Principal } from '@confide/domain';
import { verifyAuditChain } from '../audit/audit-chain';
import { recordAudit } from '../audit/audit-log';
import { accountRepository } from '../db/repositories/account.repository';
import { outboxRepository } from '../db/repositories/outbox.repository';
import { notFound } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

export async function listStaff(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<StaffMember[]> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('staff.list', CLINIC);
    return accountRepository.listStaff(tx);
  });
}

/** The development outbox: messages that would have been sent. Not available in production. */
export async function listOutbox(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<OutboxMessage[]> {
  if (deps.config.env === 'production') throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('outbox.read', CLINIC);
    const messages = await outboxRepository.latest(tx, 100);
    await recordAudit(
      tx,
      ctx.meta,
      messages.map((m) => ({ action: 'presented' as const, resourceType: 'outbox', resourceId: m.id, patientId: m.patientId })),
    );
    return messages.map(({ patientId: _patientId, ...message }) => message);
  });
}

export async function verifyAudit(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<AuditVerification> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('audit.verify', CLINIC);
    return verifyAuditChain(tx);
  });
}
