import type { AuditAction } from '@confide/contract';
import type { AnonymousTx, PrincipalTx } from '../db/with-principal';

/** Where a request came from, carried into every audit entry it causes. */
export interface RequestMeta {
  readonly ip: string | null;
  readonly requestId: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  /** Whose data this is: the patient the entry belongs to (shown in their access history). */
  patientId?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  detail?: Record<string, unknown>;
}

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction, so the entry exists if and
 * only if the access it records committed. The actor is the transaction's principal (anonymous: none);
 * the database fills in id, time and the chain hashes.
 */
export async function recordAudit(tx: PrincipalTx | AnonymousTx, meta: RequestMeta, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const p = 'principal' in tx ? tx.principal : null;
  const cols = 12;
  const values: unknown[] = [];
  const rows = entries.map((e, i) => {
    values.push(
      p?.userId ?? null,
      p?.role ?? null,
      p?.displayName ?? null,
      e.action,
      e.resourceType,
      e.resourceId ?? null,
      e.patientId ?? null,
      e.outcome ?? 'success',
      meta.ip,
      p?.sessionId ?? null,
      meta.requestId,
      JSON.stringify(e.detail ?? {}),
    );
    const base = i * cols;
    return `(${Array.from({ length: cols }, (_, k) => `$${base + k + 1}`).join(', ')})`;
  });
  await tx.query(
    `INSERT INTO audit_events (actor_user_id, actor_role, actor_name, action, resource_type, resource_id, patient_id,
       outcome, ip, session_id, request_id, detail)
     VALUES ${rows.join(', ')}`,
    values,
  );
}
