import type { ReplayList } from '@confide/contract';
import { consultationResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { replayRepository } from '../db/repositories/replay.repository';
import { notFound } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

const PAGE_SIZE = 20;

const cursorOf = (r: { startedAt: string; consultationId: string }) => `${Date.parse(r.startedAt)}_${r.consultationId}`;
function parseCursor(cursor: string | null): { startedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [ms, id] = cursor.split('_');
  return { startedAt: new Date(Number(ms)), id: id! };
}

/** Consultation Replays: the patient's own recorded consultations, newest first; each one listed is `presented`. */
export async function myReplays(deps: ServiceDeps, ctx: RequestContext, principal: Principal, cursor: string | null): Promise<ReplayList> {
  deps.features.require('replays');
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const found = await replayRepository.forPatient(tx, patientId, parseCursor(cursor), PAGE_SIZE + 1, deps.faults);
    const page = await guard.filterAllowed('recording.present', found.slice(0, PAGE_SIZE), (r) => consultationResource(r));
    await recordAudit(tx, ctx.meta, page.map((r) => ({ action: 'presented' as const, resourceType: 'recording', resourceId: r.consultationId, patientId: r.patientId })));
    return {
      items: page.map(({ patientId: _p, clinicianId: _c, ...r }) => r),
      nextCursor: found.length > PAGE_SIZE ? cursorOf(found[PAGE_SIZE - 1]!) : null,
    };
  });
}
