import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabases } from '../../test/test-databases';
import type { Databases } from './database';
import { loadMigrations, migrate } from './migrate';

let dbs: Databases | null = null;
afterEach(async () => {
  await dbs?.close();
  dbs = null;
});

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-migrations-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  it('are named by date, applied in order, and record their checksums', async () => {
    const names = loadMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^\d{4}-\d{2}-\d{2}_\d{4}_[a-z0-9-]+\.sql$/);
    dbs = await createTestDatabases();
    const { rows } = await dbs.admin.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name');
    expect(rows).toEqual(loadMigrations().map((m) => ({ name: m.name, checksum: m.checksum })));
    expect(await migrate(dbs.admin)).toEqual([]); // Idempotent: nothing new to apply.
  });

  it('apply a new migration forward and refuse one that changed after it was applied', async () => {
    dbs = await createTestDatabases();
    const base = loadMigrations();
    const extra = { name: '2999-01-01_0001_extra.sql', sql: 'CREATE TABLE extra_test (id int);' };
    const dir = migrationsDir(Object.fromEntries([...base, extra].map((m) => [m.name, m.sql])));
    expect(await migrate(dbs.admin, loadMigrations(dir))).toEqual([extra.name]);
    fs.writeFileSync(path.join(dir, extra.name), 'CREATE TABLE extra_test (id bigint);');
    await expect(migrate(dbs.admin, loadMigrations(dir))).rejects.toThrow(/has changed since it was applied/);
    fs.unlinkSync(path.join(dir, extra.name));
    await expect(migrate(dbs.admin, loadMigrations(dir))).rejects.toThrow(/file is missing/);
  });

  it('a failing migration leaves nothing behind', async () => {
    dbs = await createTestDatabases();
    const broken = { name: '2999-01-01_0002_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' };
    const dir = migrationsDir(Object.fromEntries([...loadMigrations(), broken].map((m) => [m.name, m.sql])));
    await expect(migrate(dbs.admin, loadMigrations(dir))).rejects.toThrow();
    const { rows } = await dbs.admin.query(`SELECT 1 FROM pg_class WHERE relname = 'half_done'`);
    expect(rows).toEqual([]);
  });
});
