import type { Feature, FeatureState, Incident } from '@confide/contract';
import { CLINIC, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { operationsRepository } from '../db/repositories/operations.repository';
import { notFound } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** The kill switches' state, for every signed-in user (the web app tells people what is unavailable). */
export async function listFeatures(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<FeatureState[]> {
  return asPrincipal(deps, ctx, principal, (tx) => operationsRepository.features(tx));
}

/** A clinic admin turns a capability on or off: stored, audited, applied here at once and on other servers at their next poll. */
export async function setFeature(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, feature: Feature, change: { enabled: boolean; reason: string },
): Promise<FeatureState> {
  const state = await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('feature.manage', CLINIC);
    const updated = await operationsRepository.setFeature(tx, feature, change.enabled, change.reason);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'feature-switch', resourceId: feature, detail: { enabled: change.enabled, reason: change.reason } }]);
    return updated;
  });
  deps.features.applyWritten([state]);
  return state;
}

export async function listIncidents(deps: ServiceDeps, ctx: RequestContext, principal: Principal, status: 'open' | 'closed' | 'all'): Promise<Incident[]> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('incident.manage', CLINIC);
    return operationsRepository.incidents(tx, status);
  });
}

export async function closeIncident(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, resolution: string): Promise<Incident> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('incident.manage', CLINIC);
    const closed = await operationsRepository.closeIncident(tx, id, resolution);
    if (!closed) throw notFound();
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'incident', resourceId: id, detail: { status: 'closed' } }]);
    return closed;
  });
}
