import type { Appointment, AppointmentStatus } from '@confide/contract';
import type { Profession } from '@confide/domain';
import type { PrincipalTx } from '../with-principal';

interface AppointmentRow {
  id: string;
  patient_id: string;
  patient_name: string | null;
  clinician_user_id: string;
  clinician_name: string | null;
  profession: Profession | null;
  type_id: string;
  type_name: string;
  mode: 'audio' | 'video';
  duration_minutes: number;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  reason: string;
  created_at: Date;
  checked_in_at: Date | null;
  consultation_id: string | null;
  access_route: 'nhs' | 'partner' | 'private' | null;
  partner_name: string | null;
  payment_status: 'pending' | 'paid' | 'failed' | 'refunded' | null;
  payment_amount_pence: number | null;
}

const SELECT = `
  SELECT a.id, a.patient_id, p.given_name || ' ' || p.family_name AS patient_name, a.clinician_user_id,
         u.display_name AS clinician_name, s.profession, t.id AS type_id, t.name AS type_name, t.mode, t.duration_minutes,
         a.starts_at, a.ends_at, a.status, a.reason, a.created_at, a.checked_in_at, c.id AS consultation_id,
         a.access_route, o.name AS partner_name, pay.status AS payment_status, pay.amount_pence AS payment_amount_pence
  FROM appointments a
  JOIN appointment_types t ON t.id = a.appointment_type_id
  LEFT JOIN patients p ON p.id = a.patient_id
  LEFT JOIN users u ON u.id = a.clinician_user_id
  LEFT JOIN staff_profiles s ON s.user_id = a.clinician_user_id
  LEFT JOIN consultations c ON c.appointment_id = a.id
  -- Under row-level security only the patient sees their membership and payment; for others these stay NULL.
  LEFT JOIN patient_memberships m ON m.id = a.patient_membership_id
  LEFT JOIN partner_members pm ON pm.id = m.partner_member_id
  LEFT JOIN organisations o ON o.id = pm.partner_org_id
  LEFT JOIN payments pay ON pay.appointment_id = a.id`;

export type AppointmentRecord = Appointment & { clinicianId: string; patientId: string };

function toAppointment(r: AppointmentRow): AppointmentRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    clinicianId: r.clinician_user_id,
    patient: { id: r.patient_id, name: r.patient_name ?? 'Patient' },
    clinician: { id: r.clinician_user_id, name: r.clinician_name ?? 'Clinician', profession: r.profession },
    appointmentType: { id: r.type_id, name: r.type_name, mode: r.mode, durationMinutes: r.duration_minutes },
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    consultationId: r.consultation_id,
    access: r.access_route ? { route: r.access_route, partnerName: r.partner_name } : null,
    payment: r.payment_status && r.payment_amount_pence !== null ? { status: r.payment_status, amountPence: r.payment_amount_pence } : null,
  };
}

/** Appointments, as row-level security lets the principal see them (their own, or a clinician's own). */
export const appointmentRepository = {
  async findById(tx: PrincipalTx, id: string): Promise<AppointmentRecord | null> {
    const { rows } = await tx.query<AppointmentRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ? toAppointment(rows[0]) : null;
  },

  async forPatient(tx: PrincipalTx, patientId: string): Promise<AppointmentRecord[]> {
    const { rows } = await tx.query<AppointmentRow>(`${SELECT} WHERE a.patient_id = $1 ORDER BY a.starts_at DESC, a.id LIMIT 200`, [patientId]);
    return rows.map(toAppointment);
  },

  async forClinician(tx: PrincipalTx, clinicianId: string, from: Date, to: Date): Promise<AppointmentRecord[]> {
    const { rows } = await tx.query<AppointmentRow>(
      `${SELECT} WHERE a.clinician_user_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 ORDER BY a.starts_at, a.id`,
      [clinicianId, from, to],
    );
    return rows.map(toAppointment);
  },

  /** Patients checked in and waiting for this clinician, earliest appointment first. */
  async waitingFor(tx: PrincipalTx, clinicianId: string): Promise<AppointmentRecord[]> {
    const { rows } = await tx.query<AppointmentRow>(`${SELECT} WHERE a.clinician_user_id = $1 AND a.status = 'checked_in' ORDER BY a.starts_at, a.id`, [clinicianId]);
    return rows.map(toAppointment);
  },

  async checkIn(tx: PrincipalTx, id: string): Promise<void> {
    await tx.query(`UPDATE appointments SET status = 'checked_in', checked_in_at = now(), updated_at = now() WHERE id = $1`, [id]);
  },

  /** The consultation, owned from this moment by the appointment's patient and clinician, never reassigned. */
  async startConsultation(tx: PrincipalTx, a: { id: string; patientId: string; clinicianId: string; mode: 'audio' | 'video' }): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode) VALUES ($1, $2, $3, $4) RETURNING id`,
      [a.id, a.patientId, a.clinicianId, a.mode],
    );
    return rows[0]!.id;
  },

  async endConsultation(tx: PrincipalTx, appointmentId: string): Promise<void> {
    await tx.query('UPDATE consultations SET ended_at = now() WHERE appointment_id = $1 AND ended_at IS NULL', [appointmentId]);
  },

  async insert(
    tx: PrincipalTx,
    a: { patientId: string; clinicianId: string; typeId: string; start: Date; end: Date; reason: string; route: 'nhs' | 'partner' | 'private'; membershipId: string | null },
  ): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, access_route, patient_membership_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.patientId, a.clinicianId, a.typeId, a.start, a.end, a.reason, a.route, a.membershipId],
    );
    return rows[0]!.id;
  },

  async setStatus(tx: PrincipalTx, id: string, status: AppointmentStatus): Promise<void> {
    await tx.query(
      `UPDATE appointments SET status = $2, updated_at = now(), cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE cancelled_at END WHERE id = $1`,
      [id, status],
    );
  },

  async move(tx: PrincipalTx, id: string, to: { clinicianId: string; start: Date; end: Date }): Promise<void> {
    await tx.query('UPDATE appointments SET clinician_user_id = $2, starts_at = $3, ends_at = $4, updated_at = now() WHERE id = $1', [id, to.clinicianId, to.start, to.end]);
  },

  async startCareRelationship(tx: PrincipalTx, clinicianId: string, patientId: string): Promise<void> {
    await tx.query(
      `INSERT INTO care_relationships (clinician_user_id, patient_id, reason) VALUES ($1, $2, 'booked appointment')
       ON CONFLICT (clinician_user_id, patient_id) DO UPDATE SET ended_at = NULL WHERE care_relationships.ended_at IS NOT NULL`,
      [clinicianId, patientId],
    );
  },
};
