import type { AuditAction } from '@confide/contract';
import type { Role } from '@confide/domain';
import type { PrincipalTx } from '../with-principal';

export interface AuditRecord {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorRole: Role | null;
  actorName: string | null;
  action: AuditAction;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  /** Under break-glass, with the declared reason (only the patient-facing read fills these). */
  breakGlass?: boolean;
  reason?: string | null;
  /** The consultation a recording entry is about, and for a playback how much was played (patient-facing read). */
  recording?: { startedAt: Date; clinicianName: string; secondsPlayed: number | null; ofSeconds: number | null } | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_role: Role | null;
  actor_name: string | null;
  action: AuditAction;
  resource_type: string;
  resource_id: string | null;
  patient_id: string | null;
  outcome: AuditRecord['outcome'];
  break_glass?: boolean;
  reason?: string | null;
  consultation_started_at?: Date | null;
  consultation_clinician?: string | null;
  seconds_played?: number | null;
  of_seconds?: number | null;
}

/** Reads of the audit log (writes go through recordAudit only). */
export const auditRepository = {
  /** Entries about one patient's data, newest first, keyset-paginated by id. */
  async forPatient(tx: PrincipalTx, patientId: string, beforeId: string | null, limit: number): Promise<AuditRecord[]> {
    const { rows } = await tx.query<AuditRow>(
      `SELECT e.id::text, e.at, e.actor_user_id, e.actor_role, e.actor_name, e.action, e.resource_type, e.resource_id, e.patient_id, e.outcome,
              coalesce((e.detail->>'breakGlass')::boolean, false) AS break_glass, e.detail->>'reason' AS reason,
              c.started_at AS consultation_started_at, cu.display_name AS consultation_clinician,
              -- How much was played: the larger share served of either participant's track, as seconds.
              CASE WHEN v.id IS NULL THEN NULL ELSE round(v.duration_ms / 1000.0 * greatest(
                CASE WHEN v.patient_track_bytes > 0 THEN (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(v.served_patient) r)::float8 / v.patient_track_bytes ELSE 0 END,
                CASE WHEN v.clinician_track_bytes > 0 THEN (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(v.served_clinician) r)::float8 / v.clinician_track_bytes ELSE 0 END
              ))::float8 END AS seconds_played,
              CASE WHEN v.id IS NULL THEN NULL ELSE round(v.duration_ms / 1000.0)::float8 END AS of_seconds
       FROM audit_events e
       LEFT JOIN consultations c ON e.resource_type IN ('recording', 'consultation') AND c.id::text = e.resource_id AND c.patient_id = e.patient_id
       LEFT JOIN users cu ON cu.id = c.clinician_user_id
       LEFT JOIN replay_viewings v ON v.id::text = e.detail->>'viewingId' AND v.patient_id = e.patient_id
       WHERE e.patient_id = $1 AND ($2::bigint IS NULL OR e.id < $2::bigint)
       ORDER BY e.id DESC LIMIT $3`,
      [patientId, beforeId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      actorName: r.actor_name,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      patientId: r.patient_id,
      outcome: r.outcome,
      breakGlass: r.break_glass ?? false,
      reason: r.break_glass ? (r.reason ?? null) : null,
      recording: r.consultation_started_at
        ? { startedAt: r.consultation_started_at, clinicianName: r.consultation_clinician ?? 'Clinician', secondsPlayed: r.seconds_played ?? null, ofSeconds: r.of_seconds ?? null }
        : null,
    }));
  },
};
