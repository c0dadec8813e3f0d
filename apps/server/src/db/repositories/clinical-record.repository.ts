import type { PrincipalTx } from '../with-principal';

export interface AllergyRow { id: string; patient_id: string; substance: string; reaction: string; recorded_by_name: string; recorded_at: Date }
export interface MedicineRow { id: string; patient_id: string; medicine_id: string; dose: string; source: 'recorded' | 'prescribed'; started_at: Date }

/** A patient's recorded allergies and current medicines (RLS: the patient, and clinicians caring for them). */
export const clinicalRecordRepository = {
  async allergies(tx: PrincipalTx, patientId: string): Promise<AllergyRow[]> {
    const { rows } = await tx.query<AllergyRow>(
      `SELECT a.id, a.patient_id, a.substance, a.reaction, coalesce(u.display_name, 'A clinician') AS recorded_by_name, a.recorded_at
       FROM patient_allergies a LEFT JOIN users u ON u.id = a.recorded_by
       WHERE a.patient_id = $1 AND a.removed_at IS NULL ORDER BY a.recorded_at, a.id`,
      [patientId],
    );
    return rows;
  },

  async medicines(tx: PrincipalTx, patientId: string): Promise<MedicineRow[]> {
    const { rows } = await tx.query<MedicineRow>(
      `SELECT id, patient_id, medicine_id, dose, source, started_at FROM patient_medicines
       WHERE patient_id = $1 AND stopped_at IS NULL ORDER BY started_at, id`,
      [patientId],
    );
    return rows;
  },

  async addAllergy(tx: PrincipalTx, patientId: string, a: { substance: string; reaction: string }): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO patient_allergies (patient_id, substance, reaction, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [patientId, a.substance, a.reaction, tx.principal.userId],
    );
    return rows[0]!.id;
  },

  async removeAllergy(tx: PrincipalTx, patientId: string, id: string): Promise<boolean> {
    const { rowCount } = await tx.query(
      'UPDATE patient_allergies SET removed_at = now(), removed_by = $3 WHERE id = $1 AND patient_id = $2 AND removed_at IS NULL',
      [id, patientId, tx.principal.userId],
    );
    return (rowCount ?? 0) > 0;
  },

  async addMedicine(tx: PrincipalTx, patientId: string, m: { medicineId: string; dose: string; source: 'recorded' | 'prescribed' }): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO patient_medicines (patient_id, medicine_id, dose, source, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [patientId, m.medicineId, m.dose, m.source, tx.principal.userId],
    );
    return rows[0]!.id;
  },

  async stopMedicine(tx: PrincipalTx, patientId: string, id: string): Promise<boolean> {
    const { rowCount } = await tx.query(
      'UPDATE patient_medicines SET stopped_at = now(), stopped_by = $3 WHERE id = $1 AND patient_id = $2 AND stopped_at IS NULL',
      [id, patientId, tx.principal.userId],
    );
    return (rowCount ?? 0) > 0;
  },
};
