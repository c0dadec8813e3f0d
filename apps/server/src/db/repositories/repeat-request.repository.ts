import type { PrincipalTx } from '../with-principal';

export interface RepeatRequestRow {
  id: string; prescription_id: string; patient_id: string; clinician_user_id: string; note: string | null;
  status: 'requested' | 'approved' | 'declined'; requested_at: Date; decided_at: Date | null; decision_reason: string | null;
  new_prescription_id: string | null; medicine_id: string; pharmacy_id: string; patient_name: string;
}

const SELECT = `
  SELECT r.id, r.prescription_id, r.patient_id, r.clinician_user_id, r.note, r.status, r.requested_at, r.decided_at, r.decision_reason,
         r.new_prescription_id, rx.medicine_id, rx.pharmacy_id, p.name AS patient_name
  FROM repeat_requests r JOIN prescriptions rx ON rx.id = r.prescription_id CROSS JOIN LATERAL prescription_patient(rx.id) p`;

/** Repeat requests (RLS: the patient who asked and the prescriber asked). */
export const repeatRequestRepository = {
  async find(tx: PrincipalTx, id: string): Promise<RepeatRequestRow | null> {
    return (await tx.query<RepeatRequestRow>(`${SELECT} WHERE r.id = $1`, [id])).rows[0] ?? null;
  },

  /** Holds the request's row until the transaction ends: one decision per request, however many clicks. */
  async lock(tx: PrincipalTx, id: string): Promise<void> {
    await tx.query('SELECT 1 FROM repeat_requests WHERE id = $1 FOR UPDATE', [id]);
  },

  async ownerOf(tx: PrincipalTx, id: string): Promise<string | null> {
    const { rows } = await tx.query<{ owner: string | null }>('SELECT repeat_request_owner($1) AS owner', [id]);
    return rows[0]?.owner ?? null;
  },

  async listForPatient(tx: PrincipalTx, patientId: string): Promise<RepeatRequestRow[]> {
    return (await tx.query<RepeatRequestRow>(`${SELECT} WHERE r.patient_id = $1 ORDER BY r.requested_at DESC, r.id LIMIT 200`, [patientId])).rows;
  },

  async listForClinician(tx: PrincipalTx, clinicianId: string): Promise<RepeatRequestRow[]> {
    return (await tx.query<RepeatRequestRow>(
      `${SELECT} WHERE r.clinician_user_id = $1 ORDER BY (r.status = 'requested') DESC, r.requested_at DESC, r.id LIMIT 200`, [clinicianId])).rows;
  },

  /** Null when an open request for the prescription already exists. */
  async create(tx: PrincipalTx, r: { prescriptionId: string; patientId: string; clinicianId: string; note: string | null }): Promise<string | null> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO repeat_requests (prescription_id, patient_id, clinician_user_id, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (prescription_id) WHERE status = 'requested' DO NOTHING RETURNING id`,
      [r.prescriptionId, r.patientId, r.clinicianId, r.note],
    );
    return rows[0]?.id ?? null;
  },

  async decide(tx: PrincipalTx, id: string, d: { status: 'approved' | 'declined'; reason: string | null; newPrescriptionId: string | null }): Promise<boolean> {
    const { rowCount } = await tx.query(
      `UPDATE repeat_requests SET status = $2, decided_at = now(), decision_reason = $3, new_prescription_id = $4 WHERE id = $1 AND status = 'requested'`,
      [id, d.status, d.reason, d.newPrescriptionId],
    );
    return (rowCount ?? 0) > 0;
  },
};
