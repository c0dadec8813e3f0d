import type { Prescription, RepeatRequest, RepeatRequestList } from '@confide/contract';
import { patientResource, prescriptionResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { prescriptionRepository } from '../db/repositories/prescription.repository';
import { repeatRequestRepository, type RepeatRequestRow } from '../db/repositories/repeat-request.repository';
import type { PrincipalTx } from '../db/with-principal';
import { notFound, ProblemError } from '../errors/problem-error';
import { formularyMedicineOf, toPrescription } from '../prescribing/prescription-view';
import { asPrincipal, type Guard } from './guard';
import { issueRepeatIn, prescriptionFor } from './prescriptions.service';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

const refOf = (r: RepeatRequestRow) => prescriptionResource({ patientId: r.patient_id, prescriberId: r.clinician_user_id, pharmacyId: r.pharmacy_id });

const toRequest = (deps: ServiceDeps, r: RepeatRequestRow): RepeatRequest => ({
  id: r.id, prescriptionId: r.prescription_id, medicine: formularyMedicineOf(deps.formulary, r.medicine_id),
  patient: { id: r.patient_id, name: r.patient_name }, note: r.note, status: r.status, requestedAt: r.requested_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null, decisionReason: r.decision_reason, newPrescriptionId: r.new_prescription_id,
});

/** The patient asks for a repeat of their own repeatable prescription; it goes to the clinician who prescribed it. */
export async function requestRepeat(deps: ServiceDeps, ctx: RequestContext, principal: Principal, prescriptionId: string, note: string | undefined): Promise<RepeatRequest> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const rx = await prescriptionFor(tx, guard, prescriptionId, 'repeat.request');
    const notAllowed = (detail: string) => new ProblemError(409, 'A repeat cannot be requested', { code: 'repeat_not_allowed', detail });
    if (!rx.repeatable) throw notAllowed('This medicine is not on repeat. Book an appointment to talk to a clinician about it.');
    if (rx.status === 'cancelled' || rx.status === 'expired') throw notAllowed(`This prescription is ${rx.status}. Book an appointment to talk to a clinician about it.`);
    const id = await repeatRequestRepository.create(tx, { prescriptionId, patientId: rx.patient_id, clinicianId: rx.clinician_user_id, note: note?.trim() || null });
    if (!id) throw notAllowed('You have already asked for a repeat of this prescription. Your clinician will reply soon.');
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'repeat-request', resourceId: id, patientId: rx.patient_id, detail: { prescriptionId } }]);
    return toRequest(deps, (await repeatRequestRepository.find(tx, id))!);
  });
}

async function presentAll(tx: PrincipalTx, guard: Guard, deps: ServiceDeps, ctx: RequestContext, rows: RepeatRequestRow[]): Promise<RepeatRequestList> {
  const allowed = await guard.filterAllowed('prescription.present', rows, refOf);
  await recordAudit(tx, ctx.meta, allowed.map((r) => ({ action: 'presented' as const, resourceType: 'repeat-request', resourceId: r.id, patientId: r.patient_id })));
  return { requests: allowed.map((r) => toRequest(deps, r)) };
}

export async function listMyRepeatRequests(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<RepeatRequestList> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => presentAll(tx, guard, deps, ctx, await repeatRequestRepository.listForPatient(tx, patientId)));
}

export async function listClinicianRepeatRequests(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<RepeatRequestList> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => presentAll(tx, guard, deps, ctx, await repeatRequestRepository.listForClinician(tx, principal.userId)));
}

async function requestFor(tx: PrincipalTx, guard: Guard, id: string): Promise<RepeatRequestRow> {
  await repeatRequestRepository.lock(tx, id);
  const r = await repeatRequestRepository.find(tx, id);
  if (!r) {
    const owner = await repeatRequestRepository.ownerOf(tx, id);
    if (owner) await guard.authorize('repeat.decide', patientResource(owner), id, 'repeat-request');
    throw notFound();
  }
  await guard.authorize('repeat.decide', refOf(r), id, 'repeat-request');
  if (r.status !== 'requested') throw alreadyDecided(r.status);
  return r;
}

const alreadyDecided = (status: string) => new ProblemError(409, 'Already decided', { code: 'repeat_decided', detail: `This request was ${status} already.` });

/**
 * The prescriber approves: a new prescription, signed now (a fresh second factor), re-checked against the patient's
 * record as it is today, sent to the pharmacy the patient nominates today. Alerts needing a reason mean a review.
 */
export async function approveRepeat(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Prescription> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const r = await requestFor(tx, guard, id);
    const original = (await prescriptionRepository.find(tx, r.prescription_id))!;
    const rx = await issueRepeatIn(tx, guard, deps, ctx, { id: original.consultation_id, patientId: original.patient_id }, {
      medicineId: original.medicine_id, dosesPerTime: Number(original.doses_per_time), timesPerDay: original.times_per_day,
      durationDays: original.duration_days, quantity: Number(original.quantity), instructions: original.instructions,
      pregnant: null, breastfeeding: null, repeatable: true, overrides: original.overridden_alerts.map((a) => ({ code: a.code, reason: a.reason })),
    }, original.id, original.medicine_id).catch((err: unknown) => {
      if (err instanceof ProblemError && (err.options.code === 'alert_reason_required' || err.options.code === 'prescription_blocked')) {
        throw new ProblemError(409, 'This repeat needs a review', {
          code: 'repeat_needs_review', detail: `${err.options.detail ?? ''} Decline this request and book a review, or prescribe from a consultation.`.trim(),
        });
      }
      throw err;
    });
    if (!(await repeatRequestRepository.decide(tx, id, { status: 'approved', reason: null, newPrescriptionId: rx.id }))) throw alreadyDecided('decided');
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'repeat-request', resourceId: id, patientId: r.patient_id, detail: { status: 'approved', prescriptionId: rx.id } }]);
    return toPrescription(rx, deps.formulary, principal);
  });
}

export async function declineRepeat(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, reason: string): Promise<RepeatRequest> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const r = await requestFor(tx, guard, id);
    if (!(await repeatRequestRepository.decide(tx, id, { status: 'declined', reason, newPrescriptionId: null }))) throw alreadyDecided('decided');
    const medicine = formularyMedicineOf(deps.formulary, r.medicine_id);
    await prescriptionRepository.notify(tx, r.prescription_id, 'Your repeat prescription request',
      `Your request for a repeat of ${medicine.name} ${medicine.strength} was declined: ${reason}\n\nSee it under Prescriptions in Confide.`);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'repeat-request', resourceId: id, patientId: r.patient_id, detail: { status: 'declined' } }]);
    return toRequest(deps, (await repeatRequestRepository.find(tx, id))!);
  });
}
