import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../database';
import { createTestDatabases } from '../../../test/test-databases';

/**
 * The RLS lint (after Supabase's splinter): reads the catalogue and fails on any table without forced
 * row-level security and a policy, any view that is not security_invoker, any write policy without WITH CHECK,
 * or an app role that could bypass RLS or owns a table.
 */

/** Tables that hold no patient data at all. Everything else must be covered. */
const NON_PATIENT_TABLES = new Set(['schema_migrations']);
/** Tables reached only through SECURITY DEFINER functions: forced RLS, no policy, no grant to the app role. */
const DEFINER_ONLY_TABLES = new Set(['password_resets', 'audit_chain_head', 'tripwire_owned']);
/**
 * Tables with a uuid id and a patient whose ids the tripwire does not look up, and why. Any other such table must be
 * registered in tripwire_owned, so that its ids in a response are checked against the caller.
 */
const TRIPWIRE_EXEMPT: Record<string, string> = {
  break_glass_grants: 'a grant id is returned only to the clinician or admin who declared it, entitled to that patient by the grant itself',
  care_relationships: 'their ids are never returned by the API; responses name patients by the patients\' own ids, which are checked',
  outbox_messages: 'read only by the delivery worker and, outside production, the clinic admins\' development outbox page',
};

let dbs: Databases;
beforeAll(async () => {
  dbs = await createTestDatabases();
});
afterAll(async () => dbs.close());

describe('row-level security lint', () => {
  it('every table has RLS enabled and forced, and a policy unless it is definer-only', async () => {
    const { rows } = await dbs.admin.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`);
    expect(rows.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const t of rows) {
      if (NON_PATIENT_TABLES.has(t.table)) continue;
      if (!t.enabled) problems.push(`${t.table}: RLS not enabled`);
      if (!t.forced) problems.push(`${t.table}: RLS not forced`);
      if (DEFINER_ONLY_TABLES.has(t.table)) {
        if (t.policies !== 0) problems.push(`${t.table}: definer-only table has policies`);
      } else if (t.policies === 0) {
        problems.push(`${t.table}: no policy`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every table with a uuid id and a patient is registered with the tripwire, or exempt with a reason', async () => {
    const { rows } = await dbs.admin.query<{ table: string }>(`
      SELECT c.table_name AS table FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'patient_id'
        AND EXISTS (SELECT 1 FROM information_schema.columns d WHERE d.table_schema = 'public' AND d.table_name = c.table_name AND d.column_name = 'id' AND d.data_type = 'uuid')
        AND NOT EXISTS (SELECT 1 FROM tripwire_owned o WHERE o.table_name = c.table_name::regclass)
      ORDER BY 1`);
    expect(rows.map((r) => r.table).filter((t) => !(t in TRIPWIRE_EXEMPT))).toEqual([]);
  });

  it('definer-only tables grant nothing to the app role', async () => {
    const { rows } = await dbs.admin.query<{ table_name: string; privilege_type: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants
       WHERE grantee = 'confide_app' AND table_name = ANY($1)`,
      [[...DEFINER_ONLY_TABLES]],
    );
    expect(rows).toEqual([]);
  });

  it('every write policy has WITH CHECK (UPDATE and INSERT); every policy targets the app role only', async () => {
    const { rows } = await dbs.admin.query<{ tablename: string; policyname: string; cmd: string; with_check: string | null; roles: string[] | string }>(
      `SELECT tablename, policyname, cmd, with_check, roles FROM pg_policies WHERE schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const p of rows) {
      if ((p.cmd === 'INSERT' || p.cmd === 'UPDATE' || p.cmd === 'ALL') && !p.with_check) problems.push(`${p.tablename}.${p.policyname}: no WITH CHECK`);
      const roles = Array.isArray(p.roles) ? p.roles : String(p.roles).replace(/[{}]/g, '').split(',');
      if (roles.join(',') !== 'confide_app') problems.push(`${p.tablename}.${p.policyname}: applies to ${roles.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it('every view is security_invoker', async () => {
    const { rows } = await dbs.admin.query<{ view: string; options: string[] | null }>(`
      SELECT c.relname AS view, c.reloptions AS options FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')`);
    const bad = rows.filter((v) => !(v.options ?? []).some((o) => /^security_invoker=(true|on|1)$/i.test(o)));
    expect(bad.map((v) => v.view)).toEqual([]);
  });

  it('the app role cannot bypass RLS, log in, or own anything', async () => {
    const { rows } = await dbs.admin.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean; owned: number }>(`
      SELECT r.rolsuper, r.rolbypassrls, r.rolcanlogin,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = 'confide_app'`);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false, owned: 0 }]);
  });

  it('the audit log is append-only for the app role (INSERT and SELECT only)', async () => {
    const { rows } = await dbs.admin.query<{ privilege_type: string }>(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'confide_app' AND table_name = 'audit_events' ORDER BY 1`,
    );
    expect(rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('SECURITY DEFINER functions pin their search_path', async () => {
    const { rows } = await dbs.admin.query<{ proname: string; config: string[] | null }>(`
      SELECT p.proname, p.proconfig AS config FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prosecdef`);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((f) => !(f.config ?? []).some((c) => c.startsWith('search_path='))).map((f) => f.proname)).toEqual([]);
  });

  it('with no principal set, the app role sees no patient rows (fail closed)', async () => {
    const { rows: tables } = await dbs.admin.query<{ table: string }>(`
      SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL($1)`, [[...NON_PATIENT_TABLES, ...DEFINER_ONLY_TABLES, 'organisations', 'postcodes']]);
    await dbs.admin.exec(`INSERT INTO users (id, email, password_hash, role, display_name) VALUES (gen_random_uuid(), 'x@example.test', 'h', 'patient', 'X')`);
    await dbs.admin.exec(`INSERT INTO audit_events (action, resource_type, outcome) VALUES ('login', 'account', 'success')`);
    for (const { table } of tables) {
      const count = await dbs.app.transaction(async (q) => {
        await q.query(`SELECT set_config('role', 'confide_app', true)`);
        const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        return rows[0]?.n;
      });
      expect({ table, count }).toEqual({ table, count: 0 });
    }
  });
});
