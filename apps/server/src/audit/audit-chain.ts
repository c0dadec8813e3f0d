import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';

export const GENESIS_HASH = '0'.repeat(64);

interface ChainRow {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  patient_id: string | null;
  outcome: string;
  ip: string | null;
  session_id: string | null;
  request_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  entriesChecked: number;
  firstBrokenId: string | null;
  problem: string | null;
}

/**
 * The entry's hash, computed here independently of the database's audit_entry_hash(): the same fields in the
 * same order, separated by the unit separator, hashed with SHA-256.
 */
export function entryHash(r: ChainRow): string {
  const text = [
    r.prev_hash, r.id, r.at, r.actor_user_id ?? '', r.actor_role ?? '', r.actor_name ?? '', r.action, r.resource_type,
    r.resource_id ?? '', r.patient_id ?? '', r.outcome, r.ip ?? '', r.session_id ?? '', r.request_id ?? '', r.detail,
  ].join('\u001f');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const PAGE = 5000;

/**
 * Walks the whole chain in order and names the first broken link: an entry whose content no longer matches its
 * hash (altered), whose prev_hash is not its predecessor's hash (deleted or reordered), a gap in the ids
 * (deleted), or a chain head that does not match the last entry (the newest entries deleted).
 * Runs as the owner (`npm run audit:verify`) or as a clinic admin principal (the admin route), who may read every entry.
 */
export async function verifyAuditChain(db: Pick<Queryable, 'query'>): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1n;
  let checked = 0;
  const broken = (id: string, problem: string): ChainVerification => ({ ok: false, entriesChecked: checked, firstBrokenId: id, problem });
  for (;;) {
    const { rows } = await db.query<ChainRow>(
      `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor_user_id::text, actor_role,
              actor_name, action, resource_type, resource_id, patient_id::text, outcome, ip, session_id::text, request_id,
              detail::text AS detail, prev_hash, hash
       FROM audit_events WHERE audit_events.id >= $1 ORDER BY audit_events.id LIMIT ${PAGE}`,
      [expectedId.toString()],
    );
    for (const r of rows) {
      if (BigInt(r.id) !== expectedId) return broken(r.id, `entry ${expectedId} is missing (deleted)`);
      if (r.prev_hash !== prevHash) return broken(r.id, 'does not follow the previous entry (deleted or reordered)');
      if (entryHash(r) !== r.hash) return broken(r.id, 'content does not match its hash (altered)');
      prevHash = r.hash;
      expectedId += 1n;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db.query<{ last_id: string; last_hash: string }>('SELECT last_id::text, last_hash FROM audit_chain_head_state()');
  const h = head.rows[0];
  if (!h || BigInt(h.last_id) !== expectedId - 1n || h.last_hash !== prevHash) {
    return broken(h ? h.last_id : 'head', 'the newest entries are missing (the chain head does not match the last entry)');
  }
  return { ok: true, entriesChecked: checked, firstBrokenId: null, problem: null };
}
