import { randomUUID } from 'node:crypto';
import type { IssuePrescriptionRequest, Prescription, PrescriptionCheckResult, PrescriptionItemRequest, PrescriptionList, PrescriptionStatus } from '@confide/contract';
import { patientResource, prescriptionResource, type Principal } from '@confide/domain';
import { checkPrescription, maySign, needsReason, type Medicine, type PrescribingAlert } from '@confide/prescribing';
import { recordAudit } from '../audit/audit-log';
import { clinicalRecordRepository } from '../db/repositories/clinical-record.repository';
import { pharmacyRepository } from '../db/repositories/pharmacy.repository';
import { prescriptionRepository, type PrescriptionRow } from '../db/repositories/prescription.repository';
import type { PrincipalTx } from '../db/with-principal';
import { fieldError, notFound, ProblemError } from '../errors/problem-error';
import { signPrescription } from '../prescribing/prescription-signature';
import { newPrescriptionToken } from '../prescribing/prescription-token';
import { formularyMedicineOf, medicineById, signedContentOf, toFormularyMedicine, toPrescription, verifyRow } from '../prescribing/prescription-view';
import { loadFor } from './consultations.service';
import { asPrincipal, type Guard } from './guard';
import { requireFreshSecondFactor } from './second-factor';
import { signingKeyInUse } from './signing-keys.service';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

const DAY_MS = 24 * 3600 * 1000;
/** An NHS prescription is valid for 6 months; a Schedule 4 controlled drug's for 28 days. */
const validityMs = (m: Medicine) => (m.controlledSchedule === 4 ? 28 * DAY_MS : 182 * DAY_MS);

function medicineOr400(deps: ServiceDeps, id: string): Medicine {
  const m = medicineById(deps.formulary, id);
  if (!m) throw fieldError('body.medicineId', 'Choose a medicine from the list.');
  return m;
}

const ageYears = (dob: Date | string, at = new Date()) => (at.getTime() - new Date(typeof dob === 'string' ? `${dob}T00:00:00Z` : dob).getTime()) / (365.25 * DAY_MS);

/** The checks before signing, against the patient's record as the prescriber sees it (they must be caring for them). */
async function alertsFor(tx: PrincipalTx, guard: Guard, deps: ServiceDeps, patientId: string, medicine: Medicine, item: PrescriptionItemRequest, except?: string): Promise<PrescribingAlert[]> {
  // Without a care relationship the record would read as empty: refuse rather than check against nothing.
  await guard.authorize('clinical-record.read', patientResource(patientId), patientId, 'clinical-record');
  const allergies = await clinicalRecordRepository.allergies(tx, patientId);
  const medicines = await clinicalRecordRepository.medicines(tx, patientId);
  const dob = (await tx.query<{ date_of_birth: Date | string }>('SELECT date_of_birth FROM patients WHERE id = $1', [patientId])).rows[0]?.date_of_birth;
  if (dob === undefined) throw notFound();
  const current = medicines.filter((m) => m.medicine_id !== except).map((m) => medicineById(deps.formulary, m.medicine_id)).filter((m): m is Medicine => m !== null);
  return checkPrescription(
    { medicine, dosesPerTime: item.dosesPerTime, timesPerDay: item.timesPerDay },
    { ageYears: ageYears(dob), pregnant: item.pregnant, breastfeeding: item.breastfeeding, allergies, currentMedicines: current },
    deps.formulary.interactions,
  );
}

const toAlert = (a: PrescribingAlert) => ({ ...a, needsReason: needsReason(a) });

/** Runs the checks for a proposed item from a consultation (its clinician only); nothing is stored. */
export async function checkItem(deps: ServiceDeps, ctx: RequestContext, principal: Principal, consultationId: string, item: PrescriptionItemRequest): Promise<PrescriptionCheckResult> {
  const medicine = medicineOr400(deps, item.medicineId);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, consultationId, 'prescription.issue');
    const alerts = await alertsFor(tx, guard, deps, c.patientId, medicine, item);
    // The checks read the patient's allergies and medicines, and the alerts repeat them: an access to the record.
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'clinical-record', resourceId: c.patientId, patientId: c.patientId, detail: { prescriptionChecks: medicine.id } }]);
    return { medicine: toFormularyMedicine(medicine), alerts: alerts.map(toAlert) };
  });
}

const describe = (m: { name: string; strength: string; form: string }) => `${m.name} ${m.strength} ${m.form}`.trim();

/**
 * Signs and sends: needs a second factor confirmed in the last 5 minutes, nothing blocked, and a recorded reason for
 * every alert above a caution. The prescription goes to the patient's nominated pharmacy, signed (ES256) with the
 * prescriber's key; the patient is told through the outbox.
 */
async function issueIn(
  tx: PrincipalTx, guard: Guard, deps: ServiceDeps, ctx: RequestContext,
  c: { id: string; patientId: string }, req: IssuePrescriptionRequest, repeatOf: string | null, except?: string,
): Promise<PrescriptionRow> {
  const medicine = medicineOr400(deps, req.medicineId);
  await requireFreshSecondFactor(tx, 'sign');
  const alerts = await alertsFor(tx, guard, deps, c.patientId, medicine, req, except);
  const reasons = new Map(req.overrides.map((o) => [o.code, o.reason]));
  const verdict = maySign(alerts, reasons);
  if (!verdict.ok) {
    const blocked = alerts.some((a) => !a.overridable);
    throw new ProblemError(422, blocked ? 'This cannot be prescribed remotely' : 'Record why you are going on', {
      code: blocked ? 'prescription_blocked' : 'alert_reason_required', detail: verdict.why,
      errors: [{ field: 'body.overrides', message: verdict.why }],
    });
  }
  const nomination = await pharmacyRepository.nomination(tx, c.patientId);
  if (!nomination) {
    throw new ProblemError(409, 'No pharmacy chosen', {
      code: 'no_nominated_pharmacy', detail: 'The patient has not chosen a pharmacy. Ask them to choose one under Pharmacy in their Confide account.',
    });
  }
  const key = await signingKeyInUse(tx, deps);
  const patient = (await tx.query<{ name: string; date_of_birth: Date | string }>(
    `SELECT given_name || ' ' || family_name AS name, date_of_birth FROM patients WHERE id = $1`, [c.patientId])).rows[0];
  if (!patient) throw notFound();
  const issuedAt = new Date();
  const id = randomUUID();
  const token = newPrescriptionToken();
  const fields = {
    id, token, consultationId: c.id, patientId: c.patientId, pharmacyId: nomination.pharmacy.id, medicineId: medicine.id,
    medicine: { id: medicine.id, name: medicine.name, strength: medicine.strength, form: medicine.form },
    dosesPerTime: req.dosesPerTime, timesPerDay: req.timesPerDay, durationDays: req.durationDays, quantity: req.quantity,
    instructions: req.instructions, repeatable: req.repeatable && medicine.repeatable, repeatOf,
    overriddenAlerts: alerts.filter(needsReason).map((a) => ({ code: a.code, severity: a.severity, message: a.message, reason: reasons.get(a.code)!.trim() })),
    issuedAt, expiresAt: new Date(issuedAt.getTime() + validityMs(medicine)),
  };
  const jws = await signPrescription(deps.recordings.keys, tx.principal.userId, key.id, key.wrapped, signedContentOf({
    id, token, patient_id: c.patientId, patient_name: patient.name, patient_dob: patient.date_of_birth, clinician_user_id: tx.principal.userId,
    pharmacy_id: fields.pharmacyId, medicine: fields.medicine, doses_per_time: fields.dosesPerTime, times_per_day: fields.timesPerDay, duration_days: fields.durationDays,
    quantity: fields.quantity, instructions: fields.instructions, repeatable: fields.repeatable, repeat_of: repeatOf, issued_at: issuedAt, expires_at: fields.expiresAt,
  }));
  await prescriptionRepository.insert(tx, { ...fields, jws, signingKeyId: key.id });
  const row = await prescriptionRepository.find(tx, id);
  if (!row) throw notFound();
  // A medicine for repeats is one the patient now takes: later checks see it.
  if (fields.repeatable && except === undefined) {
    await clinicalRecordRepository.addMedicine(tx, c.patientId, { medicineId: medicine.id, dose: req.instructions, source: 'prescribed' });
  }
  await prescriptionRepository.notify(tx, id, 'Your prescription has been sent',
    `Your prescription for ${describe(medicine)} has been sent to ${nomination.pharmacy.name}, ${nomination.pharmacy.postcode}. We will tell you when it is ready to collect.\n\nSee it under Prescriptions in Confide.`);
  await recordAudit(tx, ctx.meta, [{
    action: 'created', resourceType: 'prescription', resourceId: id, patientId: c.patientId,
    detail: { medicineId: medicine.id, pharmacyId: fields.pharmacyId, overridden: fields.overriddenAlerts.map((a) => a.code), repeatOf },
  }]);
  return row;
}

export async function issuePrescription(deps: ServiceDeps, ctx: RequestContext, principal: Principal, consultationId: string, req: IssuePrescriptionRequest): Promise<Prescription> {
  medicineOr400(deps, req.medicineId);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, consultationId, 'prescription.issue');
    return toPrescription(await issueIn(tx, guard, deps, ctx, { id: c.consultationId, patientId: c.patientId }, req, null), deps.formulary, principal);
  });
}

const rxRef = (r: PrescriptionRow) => prescriptionResource({ patientId: r.patient_id, prescriberId: r.clinician_user_id, pharmacyId: r.pharmacy_id });

type RxAction = 'prescription.read' | 'prescription.cancel' | 'prescription.dispense' | 'repeat.request';

/** A prescription the principal may act on; anything else is 404, a refused attempt audited against its real patient. */
export async function prescriptionFor(tx: PrincipalTx, guard: Guard, id: string, action: RxAction): Promise<PrescriptionRow> {
  // A change acts on the state it read: hold the row (RLS still decides whether the caller sees it at all).
  if (action === 'prescription.cancel' || action === 'prescription.dispense') await prescriptionRepository.lock(tx, id);
  const row = await prescriptionRepository.find(tx, id);
  if (!row) {
    const owner = await prescriptionRepository.ownerOf(tx, id);
    if (owner) await guard.authorize(action, patientResource(owner), id, 'prescription');
    throw notFound();
  }
  await guard.authorize(action, rxRef(row), id, 'prescription');
  return row;
}

async function present(tx: PrincipalTx, guard: Guard, deps: ServiceDeps, ctx: RequestContext, principal: Principal, rows: PrescriptionRow[]): Promise<PrescriptionList> {
  const allowed = await guard.filterAllowed('prescription.present', rows, rxRef);
  await recordAudit(tx, ctx.meta, allowed.map((r) => ({ action: 'presented' as const, resourceType: 'prescription', resourceId: r.id, patientId: r.patient_id })));
  return { prescriptions: await Promise.all(allowed.map((r) => toPrescription(r, deps.formulary, principal))) };
}

export async function listConsultationPrescriptions(deps: ServiceDeps, ctx: RequestContext, principal: Principal, consultationId: string): Promise<PrescriptionList> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await loadFor(tx, guard, consultationId, 'consultation.read');
    return present(tx, guard, deps, ctx, principal, await prescriptionRepository.listForConsultation(tx, consultationId));
  });
}

export async function listMyPrescriptions(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<PrescriptionList> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => present(tx, guard, deps, ctx, principal, await prescriptionRepository.listForPatient(tx, patientId)));
}

/** The pharmacy portal's list: prescriptions sent to the pharmacist's own pharmacy. */
export async function listPharmacyPrescriptions(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<PrescriptionList> {
  const pharmacyId = principal.role === 'pharmacist' ? principal.organisationId : null;
  if (!pharmacyId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => present(tx, guard, deps, ctx, principal, await prescriptionRepository.listForPharmacy(tx, pharmacyId)));
}

/** Opens one prescription (audited as viewed). The pharmacy opening an issued prescription has received it. */
export async function getPrescription(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Prescription> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    let row = await prescriptionFor(tx, guard, id, 'prescription.read');
    if (principal.role === 'pharmacist' && row.status === 'issued') {
      await guard.authorize('prescription.dispense', rxRef(row), id, 'prescription');
      await prescriptionRepository.transition(tx, id, ['issued'], { status: 'received', received_at: new Date() });
      await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'prescription', resourceId: id, patientId: row.patient_id, detail: { status: 'received' } }]);
      row = (await prescriptionRepository.find(tx, id))!;
    }
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'prescription', resourceId: id, patientId: row.patient_id }]);
    return toPrescription(row, deps.formulary, principal);
  });
}

const notNow = (row: PrescriptionRow, what: string) => new ProblemError(409, `This prescription cannot be ${what}`, {
  code: 'not_dispensable', detail: `This prescription is ${row.status.replace('-', ' ')}: it cannot be ${what}.`,
});

/** The prescriber cancels before anything is dispensed; the patient is told. */
export async function cancelPrescription(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, reason: string): Promise<Prescription> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const row = await prescriptionFor(tx, guard, id, 'prescription.cancel');
    const ok = await prescriptionRepository.transition(tx, id, ['issued', 'received'], { status: 'cancelled', cancelled_at: new Date(), cancel_reason: reason });
    if (!ok) throw new ProblemError(409, 'Too late to cancel', { code: 'not_cancellable', detail: `This prescription is ${row.status.replace('-', ' ')}: it can no longer be cancelled.` });
    const medicine = formularyMedicineOf(deps.formulary, row.medicine_id);
    await prescriptionRepository.notify(tx, id, 'Your prescription has been cancelled',
      `Your prescription for ${describe(medicine)} has been cancelled by ${row.prescriber_name}: ${reason}\n\nSee it under Prescriptions in Confide.`);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'prescription', resourceId: id, patientId: row.patient_id, detail: { status: 'cancelled' } }]);
    return toPrescription((await prescriptionRepository.find(tx, id))!, deps.formulary, principal);
  });
}

/** The pharmacy supplies all or part of it, only if the signature verifies; the patient is told it is ready. */
export async function dispensePrescription(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, quantity: number): Promise<Prescription> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const row = await prescriptionFor(tx, guard, id, 'prescription.dispense');
    const medicine = formularyMedicineOf(deps.formulary, row.medicine_id);
    const verification = await verifyRow(row);
    if (!verification.valid) {
      await recordAudit(tx, ctx.meta, [{ action: 'denied', resourceType: 'prescription', resourceId: id, patientId: row.patient_id, outcome: 'denied', detail: { signature: 'invalid' } }]);
      throw new ProblemError(409, 'Signature invalid — do not dispense', { code: 'signature_invalid', detail: verification.problem });
    }
    const from: PrescriptionStatus[] = ['issued', 'received', 'partly-dispensed'];
    if (!from.includes(row.status)) throw notNow(row, 'dispensed');
    // What is still owed on a partly dispensed prescription cannot be supplied after it expires either.
    if (row.expires_at.getTime() <= Date.now()) throw new ProblemError(409, 'This prescription has expired', { code: 'not_dispensable', detail: 'This prescription has expired: it cannot be dispensed.' });
    const before = row.dispensed_quantity === null ? 0 : Number(row.dispensed_quantity);
    const remaining = Number(row.quantity) - before;
    if (quantity > remaining + 1e-9) throw fieldError('body.quantity', `No more than ${remaining} remain to supply.`);
    const total = before + quantity;
    const status: PrescriptionStatus = total >= Number(row.quantity) - 1e-9 ? 'dispensed' : 'partly-dispensed';
    const ok = await prescriptionRepository.transition(tx, id, [row.status], {
      status, dispensed_quantity: total, dispensed_at: new Date(), dispensed_by: principal.userId, received_at: row.received_at ?? new Date(),
    });
    if (!ok) throw notNow(row, 'dispensed');
    await prescriptionRepository.notify(tx, id, status === 'dispensed' ? 'Your prescription is ready to collect' : 'Part of your prescription is ready to collect',
      `${status === 'dispensed' ? 'Your' : 'Part of your'} prescription for ${describe(medicine)} is ready to collect from ${row.pharmacy.name}, ${row.pharmacy.address ?? ''} ${row.pharmacy.postcode ?? ''}.`.replace(/\s+\./, '.'));
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'prescription', resourceId: id, patientId: row.patient_id, detail: { status, quantity } }]);
    return toPrescription((await prescriptionRepository.find(tx, id))!, deps.formulary, principal);
  });
}

export async function markCollected(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Prescription> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const row = await prescriptionFor(tx, guard, id, 'prescription.dispense');
    if (!(await prescriptionRepository.transition(tx, id, ['dispensed', 'partly-dispensed'], { status: 'collected', collected_at: new Date() }))) throw notNow(row, 'marked as collected');
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'prescription', resourceId: id, patientId: row.patient_id, detail: { status: 'collected' } }]);
    return toPrescription((await prescriptionRepository.find(tx, id))!, deps.formulary, principal);
  });
}

export { issueIn as issueRepeatIn, rxRef };
