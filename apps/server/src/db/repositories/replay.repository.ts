import type { ReplaySummary } from '@confide/contract';
import type { Profession } from '@confide/domain';
import type { PrincipalTx } from '../with-principal';

export type ReplayRecord = ReplaySummary & { patientId: string; clinicianId: string };

/** Consultations that hold a recording, newest first, as row-level security lets the principal see them. */
export const replayRepository = {
  async forPatient(
    tx: PrincipalTx, patientId: string, after: { startedAt: Date; id: string } | null, limit: number, faults: { replayListingLeak?: boolean } = {},
  ): Promise<ReplayRecord[]> {
    const { rows } = await tx.query<{
      id: string; patient_id: string; clinician_user_id: string; started_at: Date; ended_at: Date | null; clinician_name: string | null;
      profession: Profession | null; type_name: string; mode: 'audio' | 'video'; seconds: number; has_video: boolean;
    }>(
      `SELECT c.id, c.patient_id, c.clinician_user_id, c.started_at, c.ended_at, u.display_name AS clinician_name, s.profession,
              coalesce(t.name, 'Consultation') AS type_name, c.mode, extract(epoch FROM max(seg.ended_at) - min(seg.started_at))::float8 AS seconds,
              bool_or(seg.has_video) AS has_video
       FROM consultations c
       JOIN recording_segments seg ON seg.consultation_id = c.id AND seg.shredded_at IS NULL
       -- Left joins: break-glass opens recordings, not the appointment (its reason is clinical).
       LEFT JOIN appointments a ON a.id = c.appointment_id
       LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
       LEFT JOIN users u ON u.id = c.clinician_user_id
       LEFT JOIN staff_profiles s ON s.user_id = c.clinician_user_id
       WHERE ($1::boolean OR c.patient_id = $2)
         AND ($3::timestamptz IS NULL OR (c.started_at, c.id) < ($3::timestamptz, $4::uuid))
       GROUP BY c.id, c.patient_id, c.clinician_user_id, c.started_at, c.ended_at, u.display_name, s.profession, t.name, c.mode
       ORDER BY c.started_at DESC, c.id DESC
       LIMIT $5`,
      // The fault reproduces the reference breach: the patient filter forgotten (RLS and the tripwire must catch it).
      [Boolean(faults.replayListingLeak), patientId, after?.startedAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      consultationId: r.id,
      patientId: r.patient_id,
      clinicianId: r.clinician_user_id,
      startedAt: r.started_at.toISOString(),
      endedAt: r.ended_at?.toISOString() ?? null,
      durationSeconds: Math.round(r.seconds),
      clinician: { name: r.clinician_name ?? 'Clinician', profession: r.profession },
      appointmentType: { name: r.type_name, mode: r.mode },
      hasVideo: r.has_video,
    }));
  },

  /** Destroys the data keys of a consultation's recording (crypto-shredding); returns the blobs to delete. */
  async shred(tx: PrincipalTx, consultationId: string): Promise<string[]> {
    const { rows } = await tx.query<{ blob_key: string }>(
      `UPDATE recording_segments SET wrapped_key = NULL, shredded_at = now()
       WHERE consultation_id = $1 AND shredded_at IS NULL RETURNING blob_key`,
      [consultationId],
    );
    return rows.map((r) => r.blob_key);
  },
};
