import type { ReplayList } from '@confide/contract';
import { consultationResource, patientResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { replayRepository } from '../db/repositories/replay.repository';
import { consultationRepository } from '../db/repositories/consultation.repository';
import { replayPlaybackRepository } from '../db/repositories/replay-playback.repository';
import { notFound, ProblemError } from '../errors/problem-error';
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

/**
 * Break-glass: a clinician without a care relationship, or a clinic admin, declares a reason to open a patient's
 * recordings for 30 minutes. The clinic admins are alerted and the patient sees it, with the reason, in their
 * access history.
 */
export async function openBreakGlass(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string, reason: string): Promise<{ id: string; expiresAt: string }> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('break-glass.open', patientResource(patientId), patientId);
    const { rows } = await tx.query<{ id: string; expires_at: Date }>('SELECT id, expires_at FROM break_glass_open($1, $2, $3, $4)', [
      patientId, reason,
      'Confide alert: break-glass access to a patient’s recordings',
      '{name} declared a reason to open a patient’s recordings for 30 minutes. Review it in the audit log.',
    ]);
    const grant = rows[0];
    if (!grant) throw notFound();
    await recordAudit(tx, ctx.meta, [
      { action: 'created', resourceType: 'break-glass', resourceId: grant.id, patientId, detail: { breakGlass: true, reason, expiresAt: grant.expires_at.toISOString() } },
    ]);
    return { id: grant.id, expiresAt: grant.expires_at.toISOString() };
  });
}

/** A patient's recordings as a clinician or clinic admin sees them: their own consultations, or under break-glass. */
export async function patientReplays(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string): Promise<ReplayList> {
  deps.features.require('replays');
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const found = await replayRepository.forPatient(tx, patientId, null, 50, {});
    const page = await guard.filterAllowed('recording.present', found, (r) => consultationResource(r));
    await recordAudit(tx, ctx.meta, page.map((r) => ({
      action: 'presented' as const, resourceType: 'recording', resourceId: r.consultationId, patientId: r.patientId,
      detail: r.clinicianId === principal.userId ? {} : { breakGlass: true },
    })));
    return { items: page.map(({ patientId: _p, clinicianId: _c, ...r }) => r), nextCursor: null };
  });
}

/**
 * A patient's erasure request for one recording, where the clinic's legal position allows it: every segment's data
 * key is destroyed (committed first, so the media can never be decrypted again), then the blobs are deleted.
 */
export async function eraseRecording(deps: ServiceDeps, ctx: RequestContext, principal: Principal, consultationId: string): Promise<{ erasedSegments: number }> {
  if (!deps.config.recording.erasureAllowed) {
    throw new ProblemError(409, 'Recordings cannot be erased here', {
      code: 'erasure_refused',
      detail: 'This clinic must keep consultation recordings as part of your medical record. Contact the clinic if you want to discuss this.',
    });
  }
  const shredded = await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const owner = await consultationRepository.find(tx, consultationId);
    if (!owner) throw notFound();
    await guard.authorize('recording.erase', consultationResource(owner), consultationId);
    await replayPlaybackRepository.lock(tx, consultationId);
    const keys = await replayRepository.shred(tx, consultationId);
    if (keys.length === 0) throw notFound();
    // Composed replay tracks hold the same media: shredded with it.
    const tracks = await replayPlaybackRepository.shredTracks(tx, consultationId);
    await recordAudit(tx, ctx.meta, [
      { action: 'deleted', resourceType: 'recording', resourceId: consultationId, patientId: owner.patientId, detail: { reason: 'patient erasure request', cryptoShredded: true, segments: keys.length, tracks: tracks.length } },
    ]);
    return { segments: keys, tracks };
  });
  for (const key of [...shredded.segments, ...shredded.tracks]) await deps.recordings.blobs.delete(key);
  return { erasedSegments: shredded.segments.length };
}
