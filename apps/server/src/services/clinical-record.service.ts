import type { ClinicalRecord } from '@confide/contract';
import { patientResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { clinicalRecordRepository } from '../db/repositories/clinical-record.repository';
import type { PrincipalTx } from '../db/with-principal';
import { fieldError, notFound } from '../errors/problem-error';
import { formularyMedicineOf, medicineById } from '../prescribing/prescription-view';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** Reads the record as the caller may see it (call after authorising `clinical-record.read`). */
export async function readClinicalRecord(tx: PrincipalTx, deps: ServiceDeps, patientId: string): Promise<ClinicalRecord> {
  // One connection per transaction: one query at a time.
  const allergies = await clinicalRecordRepository.allergies(tx, patientId);
  const medicines = await clinicalRecordRepository.medicines(tx, patientId);
  return {
    patientId,
    allergies: allergies.map((a) => ({ id: a.id, substance: a.substance, reaction: a.reaction, recordedBy: a.recorded_by_name, recordedAt: a.recorded_at.toISOString() })),
    medicines: medicines.map((m) => ({ id: m.id, medicine: formularyMedicineOf(deps.formulary, m.medicine_id), dose: m.dose, source: m.source, startedAt: m.started_at.toISOString() })),
  };
}

/** A patient's allergies and current medicines: the patient, or a clinician caring for them. Audited as viewed. */
export async function getClinicalRecord(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string): Promise<ClinicalRecord> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('clinical-record.read', patientResource(patientId), patientId, 'clinical-record');
    const record = await readClinicalRecord(tx, deps, patientId);
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'clinical-record', resourceId: patientId, patientId }]);
    return record;
  });
}

export async function addAllergy(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string, input: { substance: string; reaction: string }): Promise<ClinicalRecord['allergies'][number]> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('clinical-record.manage', patientResource(patientId), patientId, 'allergy');
    // The checks match a class id or a medicine's name, in lower case.
    const substance = input.substance.toLowerCase();
    const id = await clinicalRecordRepository.addAllergy(tx, patientId, { substance, reaction: input.reaction });
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'allergy', resourceId: id, patientId, detail: { substance } }]);
    const added = (await clinicalRecordRepository.allergies(tx, patientId)).find((a) => a.id === id)!;
    return { id, substance: added.substance, reaction: added.reaction, recordedBy: added.recorded_by_name, recordedAt: added.recorded_at.toISOString() };
  });
}

export async function removeAllergy(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string, allergyId: string): Promise<void> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('clinical-record.manage', patientResource(patientId), allergyId, 'allergy');
    if (!(await clinicalRecordRepository.removeAllergy(tx, patientId, allergyId))) throw notFound();
    await recordAudit(tx, ctx.meta, [{ action: 'deleted', resourceType: 'allergy', resourceId: allergyId, patientId }]);
  });
}

export async function addCurrentMedicine(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string, input: { medicineId: string; dose: string }): Promise<ClinicalRecord['medicines'][number]> {
  if (!medicineById(deps.formulary, input.medicineId)) throw fieldError('body.medicineId', 'Choose a medicine from the list.');
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('clinical-record.manage', patientResource(patientId), patientId, 'current-medicine');
    const id = await clinicalRecordRepository.addMedicine(tx, patientId, { ...input, source: 'recorded' });
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'current-medicine', resourceId: id, patientId, detail: { medicineId: input.medicineId } }]);
    return { id, medicine: formularyMedicineOf(deps.formulary, input.medicineId), dose: input.dose, source: 'recorded' as const, startedAt: new Date().toISOString() };
  });
}

export async function stopCurrentMedicine(deps: ServiceDeps, ctx: RequestContext, principal: Principal, patientId: string, entryId: string): Promise<void> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('clinical-record.manage', patientResource(patientId), entryId, 'current-medicine');
    if (!(await clinicalRecordRepository.stopMedicine(tx, patientId, entryId))) throw notFound();
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'current-medicine', resourceId: entryId, patientId, detail: { stopped: true } }]);
  });
}
