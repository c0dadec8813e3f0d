import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const MIGRATION_LOCK = 727_001; // pg_advisory_lock key: one migrator at a time across app instances.

/**
 * Applies the versioned SQL migrations, forward only, each in its own transaction.
 * Refuses to run if an applied migration's file has changed (checksum) or vanished.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const applied = await q.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name');
    const byName = new Map(migrations.map((m) => [m.name, m]));
    for (const row of applied.rows) {
      const m = byName.get(row.name);
      if (!m) throw new MigrationError(`Migration ${row.name} was applied to this database but its file is missing.`);
      if (m.checksum !== row.checksum) {
        throw new MigrationError(`Migration ${row.name} has changed since it was applied. Migrations are forward-only: add a new one.`);
      }
    }
    const done = new Set(applied.rows.map((r) => r.name));
    const newlyApplied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      // Inside this transaction: a failing migration leaves nothing behind.
      await q.exec(m.sql);
      await q.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      newlyApplied.push(m.name);
    }
    return newlyApplied;
  });
}
