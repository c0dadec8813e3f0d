import type { FormularyMedicine, Prescription } from '@confide/contract';
import type { Formulary, Medicine } from '@confide/prescribing';
import type { Principal } from '@confide/domain';
import type { PrescriptionRow } from '../db/repositories/prescription.repository';
import { toPharmacy } from '../db/repositories/pharmacy.repository';
import { verifyPrescription, type SignedContent, type Verification } from './prescription-signature';

export const toFormularyMedicine = (m: Medicine): FormularyMedicine => ({
  id: m.id, name: m.name, strength: m.strength, form: m.form, route: m.route, therapeuticClass: m.therapeuticClass, adultDose: m.adultDose,
  childDose: m.childDose, doseUnit: m.doseUnit, maxDailyDose: m.maxDailyDose, controlledSchedule: m.controlledSchedule, repeatable: m.repeatable,
});

/** A medicine the formulary no longer lists (renamed or withdrawn): shown by its id rather than failing the page. */
export function medicineById(formulary: Formulary, id: string): Medicine | null {
  return formulary.medicines.find((m) => m.id === id) ?? null;
}

export function formularyMedicineOf(formulary: Formulary, id: string): FormularyMedicine {
  const m = medicineById(formulary, id);
  return m ? toFormularyMedicine(m) : {
    id, name: id, strength: '', form: '', route: '', therapeuticClass: '', adultDose: '', childDose: null, doseUnit: '', maxDailyDose: null,
    controlledSchedule: null, repeatable: false,
  };
}

const isoDate = (d: Date | string): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The stored fields a signature covers (a prescription about to be stored has them too). */
export type SignedFields = Pick<PrescriptionRow,
  'id' | 'token' | 'patient_id' | 'patient_name' | 'patient_dob' | 'clinician_user_id' | 'pharmacy_id' | 'medicine' | 'doses_per_time'
  | 'times_per_day' | 'duration_days' | 'quantity' | 'instructions' | 'repeatable' | 'repeat_of' | 'issued_at' | 'expires_at'>;

/** The content a prescription's signature covers, as the stored prescription says it now. */
export function signedContentOf(row: SignedFields): SignedContent {
  const medicine = row.medicine;
  return {
    id: row.id, token: row.token,
    patient: { id: row.patient_id, name: row.patient_name, dateOfBirth: isoDate(row.patient_dob) },
    prescriber: { id: row.clinician_user_id },
    pharmacy: { id: row.pharmacy_id },
    medicine: { id: medicine.id, name: medicine.name, strength: medicine.strength, form: medicine.form },
    dosesPerTime: Number(row.doses_per_time), timesPerDay: row.times_per_day, durationDays: row.duration_days, quantity: Number(row.quantity),
    instructions: row.instructions, repeatable: row.repeatable, repeatOf: row.repeat_of,
    issuedAt: row.issued_at.toISOString(), expiresAt: row.expires_at.toISOString(),
  };
}

/** What is still to be supplied against a prescription; once its key is revoked, none of it may be. */
const STILL_TO_DISPENSE: ReadonlySet<PrescriptionRow['status']> = new Set(['issued', 'received', 'partly-dispensed', 'expired']);

/** Signed with a key revoked before it was all dispensed: it must be issued again. */
const reissueNeeded = (row: Pick<PrescriptionRow, 'key_revoked_at' | 'status'>): boolean => row.key_revoked_at !== null && STILL_TO_DISPENSE.has(row.status);

/**
 * Checks the stored JWS against the prescriber's published key and the prescription as it stands. A key revoked as
 * possibly compromised verifies nothing still to be dispensed: a forgery made with it would look the same.
 */
export async function verifyRow(row: PrescriptionRow): Promise<Verification> {
  if (row.key_user_id !== row.clinician_user_id) return { valid: false, problem: 'It was signed with a key that is not the prescriber’s.' };
  if (reissueNeeded(row)) {
    return { valid: false, problem: 'The prescriber’s signing key has been revoked. Do not dispense: the prescriber must issue it again.' };
  }
  return verifyPrescription(row.jws, row.signing_key_id, row.public_jwk, signedContentOf(row));
}

/**
 * The prescription as `viewer` sees it. The prescriber and the pharmacy get the signature check and the alerts that
 * were overridden; the patient gets neither (the reasons are clinical notes), and may ask for a repeat when eligible.
 */
export async function toPrescription(row: PrescriptionRow, formulary: Formulary, viewer: Principal): Promise<Prescription> {
  // As prescribed: the signed name, strength and form, with today's formulary details where it still lists it.
  const medicine = { ...formularyMedicineOf(formulary, row.medicine_id), ...row.medicine };
  const staff = viewer.role !== 'patient';
  const verification = staff ? await verifyRow(row) : null;
  return {
    id: row.id, token: row.token, consultationId: row.consultation_id,
    patient: { id: row.patient_id, name: row.patient_name, dateOfBirth: isoDate(row.patient_dob), nhsNumber: row.patient_nhs },
    prescriber: { id: row.clinician_user_id, name: row.prescriber_name, registration: row.prescriber_registration },
    pharmacy: toPharmacy(row.pharmacy),
    medicine,
    dosesPerTime: Number(row.doses_per_time), timesPerDay: row.times_per_day, durationDays: row.duration_days, quantity: Number(row.quantity),
    instructions: row.instructions, repeatable: row.repeatable, repeatOf: row.repeat_of_visible, status: row.status,
    issuedAt: row.issued_at.toISOString(), expiresAt: row.expires_at.toISOString(),
    receivedAt: row.received_at?.toISOString() ?? null, dispensedAt: row.dispensed_at?.toISOString() ?? null,
    dispensedQuantity: row.dispensed_quantity === null ? null : Number(row.dispensed_quantity),
    collectedAt: row.collected_at?.toISOString() ?? null, cancelledAt: row.cancelled_at?.toISOString() ?? null, cancelReason: row.cancel_reason,
    overriddenAlerts: staff ? row.overridden_alerts : null,
    signature: verification ? { valid: verification.valid, algorithm: 'ES256', keyId: row.signing_key_id, problem: verification.valid ? null : verification.problem } : null,
    reissueNeeded: reissueNeeded(row),
    repeatRequestable: viewer.role === 'patient' && row.repeatable && !['cancelled', 'expired'].includes(row.status) && !row.open_repeat_request,
  };
}
