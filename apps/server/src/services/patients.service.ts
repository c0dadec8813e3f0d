import type { PatientProfile, PatientSummary } from '@confide/contract';
import { patientResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { patientRepository, toSummary } from '../db/repositories/patient.repository';
import { notFound } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** The patients a clinician cares for. Each one listed is audited as `presented`. */
export async function listPatients(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<PatientSummary[]> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const visible = await patientRepository.listVisible(tx);
    const allowed = await guard.filterAllowed('patient.present', visible, (p) => patientResource(p.id));
    await recordAudit(
      tx,
      ctx.meta,
      allowed.map((p) => ({ action: 'presented' as const, resourceType: 'patient', resourceId: p.id, patientId: p.id })),
    );
    return allowed.map(toSummary);
  });
}

/** One patient's record. Another patient's, or one outside the clinician's care, answers 404 exactly like a missing one. */
export async function getPatient(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string): Promise<PatientProfile> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('patient.read', patientResource(patientId));
    const patient = await patientRepository.findById(tx, patientId);
    if (!patient) throw notFound();
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'patient', resourceId: patientId, patientId }]);
    return patient;
  });
}
