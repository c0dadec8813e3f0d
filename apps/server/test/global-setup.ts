import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate';
import { PgliteDatabase } from '../src/db/pglite-database';
import { PostgresDatabase } from '../src/db/postgres-database';
import { provisionLoginRole } from '../src/db/provision';
import { TEST_LOGIN_ROLE, withDatabase } from './test-databases';

/**
 * Creating a PGlite cluster costs seconds (initdb); loading a snapshot costs well under one. So the migrated
 * schema is built once per run and every test database starts from its snapshot.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dump = await db.dump();
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'confide-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  if (process.env.TEST_DATABASE_URL) await provisionServerRoles(process.env.TEST_DATABASE_URL);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** Roles are cluster-wide: make the app role and the test login role once, before test files run in parallel. */
async function provisionServerRoles(serverUrl: string): Promise<void> {
  const server = new PostgresDatabase(serverUrl, 1);
  const scratch = `confide_setup_${process.pid}`;
  try {
    await server.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await server.query(`CREATE DATABASE ${scratch}`);
    const db = new PostgresDatabase(withDatabase(serverUrl, scratch), 1);
    try {
      await migrate(db);
      await provisionLoginRole(db, TEST_LOGIN_ROLE, null);
    } finally {
      await db.close();
    }
    await server.query(`DROP DATABASE ${scratch} WITH (FORCE)`);
  } finally {
    await server.close();
  }
}
