import type { PrescriptionStatus } from '@confide/contract';
import type { JWK } from 'jose';
import type { PrincipalTx } from '../with-principal';
import { PHARMACY_COLUMNS, type PharmacyRow } from './pharmacy.repository';

export interface PrescriptionRow {
  id: string; token: string; consultation_id: string; patient_id: string; clinician_user_id: string; pharmacy_id: string;
  medicine_id: string; medicine: { id: string; name: string; strength: string; form: string }; doses_per_time: string | number; times_per_day: number; duration_days: number; quantity: string | number;
  instructions: string; repeatable: boolean; repeat_of: string | null; overridden_alerts: { code: string; severity: string; message: string; reason: string }[];
  jws: string; signing_key_id: string; public_jwk: JWK; key_user_id: string; key_revoked_at: Date | null; status: PrescriptionStatus; issued_at: Date; expires_at: Date;
  received_at: Date | null; dispensed_at: Date | null; dispensed_quantity: string | number | null; collected_at: Date | null;
  cancelled_at: Date | null; cancel_reason: string | null;
  patient_name: string; patient_dob: Date | string; patient_nhs: string | null; prescriber_name: string; prescriber_registration: string | null;
  open_repeat_request: boolean;
  repeat_of_visible: string | null;
  pharmacy: PharmacyRow;
}

/** Expiry is a fact of time, not a write: an undispensed prescription past its date reads as expired. */
const SELECT = `
  SELECT rx.id, rx.token, rx.consultation_id, rx.patient_id, rx.clinician_user_id, rx.pharmacy_id, rx.medicine_id, rx.medicine, rx.doses_per_time,
         rx.times_per_day, rx.duration_days, rx.quantity, rx.instructions, rx.repeatable, rx.repeat_of, rx.overridden_alerts, rx.jws,
         rx.signing_key_id, k.public_jwk, k.user_id AS key_user_id, k.revoked_at AS key_revoked_at,
         CASE WHEN rx.status IN ('issued', 'received') AND rx.expires_at <= now() THEN 'expired' ELSE rx.status END AS status,
         rx.issued_at, rx.expires_at, rx.received_at, rx.dispensed_at, rx.dispensed_quantity, rx.collected_at, rx.cancelled_at, rx.cancel_reason,
         p.name AS patient_name, p.date_of_birth AS patient_dob, p.nhs_number AS patient_nhs,
         u.display_name AS prescriber_name, sp.registration_number AS prescriber_registration,
         EXISTS (SELECT 1 FROM repeat_requests r WHERE r.prescription_id = rx.id AND r.status = 'requested') AS open_repeat_request,
         -- The prescription this repeats, named only to whoever may see that one too (another pharmacy's is not named).
         (SELECT o.id FROM prescriptions o WHERE o.id = rx.repeat_of) AS repeat_of_visible,
         json_build_object(${PHARMACY_COLUMNS.split(', ').map((c) => `'${c.slice(2)}', ${c}`).join(', ')}) AS pharmacy
  FROM prescriptions rx
  -- Who it is for, in the columns a prescription shows (a pharmacy never reads the patient's contact details).
  CROSS JOIN LATERAL prescription_patient(rx.id) p
  JOIN users u ON u.id = rx.clinician_user_id
  LEFT JOIN staff_profiles sp ON sp.user_id = rx.clinician_user_id
  JOIN organisations o ON o.id = rx.pharmacy_id
  JOIN prescriber_keys k ON k.id = rx.signing_key_id`;

export interface NewPrescription {
  id: string; token: string; consultationId: string; patientId: string; pharmacyId: string; medicineId: string;
  medicine: { id: string; name: string; strength: string; form: string };
  dosesPerTime: number; timesPerDay: number; durationDays: number; quantity: number; instructions: string; repeatable: boolean;
  repeatOf: string | null; overriddenAlerts: unknown[]; jws: string; signingKeyId: string; issuedAt: Date; expiresAt: Date;
}

/** Prescriptions, as row-level security lets the caller see them (the patient, the prescriber, the pharmacy sent to). */
export const prescriptionRepository = {
  async find(tx: PrincipalTx, id: string): Promise<PrescriptionRow | null> {
    const { rows } = await tx.query<PrescriptionRow>(`${SELECT} WHERE rx.id = $1`, [id]);
    return rows[0] ?? null;
  },

  /** Holds the prescription's row until the transaction ends, so two people cannot both act on the state they read. */
  async lock(tx: PrincipalTx, id: string): Promise<void> {
    await tx.query('SELECT 1 FROM prescriptions WHERE id = $1 FOR UPDATE', [id]);
  },

  async ownerOf(tx: PrincipalTx, id: string): Promise<string | null> {
    const { rows } = await tx.query<{ owner: string | null }>('SELECT prescription_owner($1) AS owner', [id]);
    return rows[0]?.owner ?? null;
  },

  async listForPatient(tx: PrincipalTx, patientId: string): Promise<PrescriptionRow[]> {
    return (await tx.query<PrescriptionRow>(`${SELECT} WHERE rx.patient_id = $1 ORDER BY rx.issued_at DESC, rx.id LIMIT 200`, [patientId])).rows;
  },

  async listForConsultation(tx: PrincipalTx, consultationId: string): Promise<PrescriptionRow[]> {
    return (await tx.query<PrescriptionRow>(`${SELECT} WHERE rx.consultation_id = $1 ORDER BY rx.issued_at DESC, rx.id`, [consultationId])).rows;
  },

  async listForPharmacy(tx: PrincipalTx, pharmacyId: string): Promise<PrescriptionRow[]> {
    return (await tx.query<PrescriptionRow>(`${SELECT} WHERE rx.pharmacy_id = $1 ORDER BY rx.issued_at DESC, rx.id LIMIT 500`, [pharmacyId])).rows;
  },

  async insert(tx: PrincipalTx, rx: NewPrescription): Promise<void> {
    await tx.query(
      `INSERT INTO prescriptions (id, token, consultation_id, patient_id, clinician_user_id, pharmacy_id, medicine_id, doses_per_time, times_per_day,
         duration_days, quantity, instructions, repeatable, repeat_of, overridden_alerts, jws, signing_key_id, issued_at, expires_at, medicine)
       SELECT $1, $2, c.id, c.patient_id, c.clinician_user_id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $19
       FROM consultations c WHERE c.id = $3 AND c.patient_id = $18`,
      [rx.id, rx.token, rx.consultationId, rx.pharmacyId, rx.medicineId, rx.dosesPerTime, rx.timesPerDay, rx.durationDays, rx.quantity, rx.instructions,
        rx.repeatable, rx.repeatOf, JSON.stringify(rx.overriddenAlerts), rx.jws, rx.signingKeyId, rx.issuedAt, rx.expiresAt, rx.patientId, JSON.stringify(rx.medicine)],
    );
  },

  /** Moves the state on only from the states given (so two pharmacists cannot both dispense the last of it). */
  async transition(tx: PrincipalTx, id: string, from: readonly PrescriptionStatus[], set: Record<string, unknown>): Promise<boolean> {
    const cols = Object.keys(set);
    const { rowCount } = await tx.query(
      `UPDATE prescriptions SET ${cols.map((c, i) => `${c} = $${i + 3}`).join(', ')}
       WHERE id = $1 AND status = ANY($2::text[]) AND NOT (status IN ('issued', 'received') AND expires_at <= now())`,
      [id, from, ...cols.map((c) => set[c])],
    );
    return (rowCount ?? 0) > 0;
  },

  async notify(tx: PrincipalTx, id: string, subject: string, body: string): Promise<void> {
    await tx.query('SELECT prescription_notify($1, $2, $3)', [id, subject, body]);
  },
};
