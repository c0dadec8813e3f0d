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
}

/** Reads of the audit log (writes go through recordAudit only). */
export const auditRepository = {
  /** Entries about one patient's data, newest first, keyset-paginated by id. */
  async forPatient(tx: PrincipalTx, patientId: string, beforeId: string | null, limit: number): Promise<AuditRecord[]> {
    const { rows } = await tx.query<AuditRow>(
      `SELECT id::text, at, actor_user_id, actor_role, actor_name, action, resource_type, resource_id, patient_id, outcome,
              coalesce((detail->>'breakGlass')::boolean, false) AS break_glass, detail->>'reason' AS reason
       FROM audit_events
       WHERE patient_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
       ORDER BY audit_events.id DESC LIMIT $3`,
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
    }));
  },
};
