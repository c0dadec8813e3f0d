import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import type { Databases } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { PgliteDatabase } from '../src/db/pglite-database';
import { PostgresDatabase } from '../src/db/postgres-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite snapshot made by global-setup.ts. */
    pgliteTemplate: string;
  }
}

export const TEST_LOGIN_ROLE = 'confide_test_login';

/** Which engine this run tests against: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. */
export const testEngine: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file. On PostgreSQL: a new database on the server, the app pool
 * connecting as a NOSUPERUSER NOBYPASSRLS login role, exactly as in production; dropped on close.
 */
export async function createTestDatabases(): Promise<Databases> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const db = await PgliteDatabase.open(undefined, template);
    return { app: db, admin: db, close: () => db.close() };
  }
  const name = `confide_test_${randomBytes(6).toString('hex')}`;
  const server = new PostgresDatabase(serverUrl, 1);
  await server.query(`CREATE DATABASE ${name}`);
  const adminUrl = withDatabase(serverUrl, name);
  const admin = new PostgresDatabase(adminUrl, 2);
  await migrate(admin);
  const appUrl = new URL(adminUrl);
  appUrl.username = TEST_LOGIN_ROLE;
  appUrl.password = '';
  const app = new PostgresDatabase(appUrl.toString(), 4);
  return {
    app,
    admin,
    close: async () => {
      await app.close();
      await admin.close();
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.close();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
