import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabases } from '../../test/test-databases';
import type { Databases } from '../db/database';
import { withoutPrincipal } from '../db/with-principal';
import { entryHash, verifyAuditChain } from './audit-chain';
import { recordAudit } from './audit-log';

/** The tamper tests act as an attacker with the owner's access, who must first switch the append-only trigger off. */
let dbs: Databases;
afterAll(async () => dbs?.close());
beforeEach(async () => {
  await dbs?.close();
  dbs = await createTestDatabases();
  for (let i = 0; i < 6; i++) {
    await withoutPrincipal(dbs.app, (tx) =>
      recordAudit(tx, { ip: '127.0.0.1', requestId: `r${i}` }, [{ action: 'login_failed', resourceType: 'account', outcome: 'failure', detail: { n: i, note: 'é ✓ "quoted"' } }]),
    );
  }
});

async function tamper(sql: string): Promise<void> {
  await dbs.admin.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update; ${sql}; ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`);
}

describe('hash-chained audit log', () => {
  it('an intact chain verifies, and the independent TypeScript hash equals the database one', async () => {
    expect(await verifyAuditChain(dbs.admin)).toEqual({ ok: true, entriesChecked: 6, firstBrokenId: null, problem: null });
    const { rows } = await dbs.admin.query<{ hash: string; sql_hash: string }>('SELECT hash, audit_entry_hash(a) AS sql_hash FROM audit_events a');
    expect(rows.every((r) => r.hash === r.sql_hash)).toBe(true);
    expect(entryHash).toBeTypeOf('function');
  });

  it('the app role cannot update or delete entries, and even the owner is stopped by the trigger', async () => {
    await expect(withoutPrincipal(dbs.app, (tx) => tx.query(`UPDATE audit_events SET outcome = 'success'`))).rejects.toThrow(/permission denied/);
    await expect(withoutPrincipal(dbs.app, (tx) => tx.query(`DELETE FROM audit_events`))).rejects.toThrow(/permission denied/);
    await expect(dbs.admin.query(`DELETE FROM audit_events WHERE id = 2`)).rejects.toThrow(/append-only/);
    await expect(dbs.admin.query(`UPDATE audit_events SET outcome = 'success' WHERE id = 2`)).rejects.toThrow(/append-only/);
    await expect(dbs.admin.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('catches an altered entry and names it', async () => {
    await tamper(`UPDATE audit_events SET outcome = 'success' WHERE id = 3`);
    expect(await verifyAuditChain(dbs.admin)).toMatchObject({ ok: false, firstBrokenId: '3', problem: expect.stringContaining('altered') });
  });

  it('catches an altered entry even when the attacker recomputes its own hash (the next link breaks)', async () => {
    await tamper(`UPDATE audit_events SET outcome = 'success' WHERE id = 3; UPDATE audit_events a SET hash = audit_entry_hash(a) WHERE id = 3`);
    expect(await verifyAuditChain(dbs.admin)).toMatchObject({ ok: false, firstBrokenId: '4' });
  });

  it('catches a deleted entry', async () => {
    await tamper(`DELETE FROM audit_events WHERE id = 4`);
    expect(await verifyAuditChain(dbs.admin)).toMatchObject({ ok: false, firstBrokenId: '5', problem: expect.stringContaining('missing') });
  });

  it('catches deletion of the newest entries (the chain head no longer matches)', async () => {
    await tamper(`DELETE FROM audit_events WHERE id >= 5`);
    expect(await verifyAuditChain(dbs.admin)).toMatchObject({ ok: false, problem: expect.stringContaining('newest') });
  });

  it('catches reordered entries', async () => {
    await tamper(`UPDATE audit_events SET id = -1 WHERE id = 2; UPDATE audit_events SET id = 2 WHERE id = 3; UPDATE audit_events SET id = 3 WHERE id = -1`);
    expect(await verifyAuditChain(dbs.admin)).toMatchObject({ ok: false, firstBrokenId: '2' });
  });

  it('entries written concurrently still form one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withoutPrincipal(dbs.app, (tx) => recordAudit(tx, { ip: null, requestId: `c${i}` }, [{ action: 'login_failed', resourceType: 'account', outcome: 'failure' }])),
      ),
    );
    expect(await verifyAuditChain(dbs.admin)).toMatchObject({ ok: true, entriesChecked: 26 });
  });
});
