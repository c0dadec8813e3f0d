import type { Config } from '../config/config';
import { acquireDataDirLock } from './data-dir-lock';
import type { Databases } from './database';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

export class UnsafeDatabaseRoleError extends Error {}

/** The role the app pool logs in as (null on PGlite, whose one connection is the owner). */
export async function appLoginRole(dbs: Databases): Promise<string | null> {
  if (dbs.app === dbs.admin) return null;
  const { rows } = await dbs.app.query<{ role: string }>('SELECT session_user AS role');
  return rows[0]?.role ?? null;
}

/**
 * Opens the store of record. Embedded: PGlite under DATA_DIR, locked against a second process.
 * Server: the app pool connects as DATABASE_URL's login role, which must be neither superuser nor BYPASSRLS;
 * migrations and the seed use DATABASE_ADMIN_URL (the schema owner).
 */
export async function openDatabases(config: Config): Promise<Databases> {
  if (config.database.kind === 'embedded') {
    const release = acquireDataDirLock(config.dataDir);
    try {
      const db = await PgliteDatabase.open(config.database.dataDir);
      return {
        app: db,
        admin: db,
        close: async () => {
          await db.close();
          release();
        },
      };
    } catch (err) {
      release();
      throw err;
    }
  }
  const app = new PostgresDatabase(config.database.url, config.database.poolSize);
  const admin = config.database.adminUrl === config.database.url ? app : new PostgresDatabase(config.database.adminUrl, 2);
  const dbs: Databases = {
    app,
    admin,
    close: async () => {
      await app.close();
      await admin.close();
    },
  };
  try {
    await assertLoginRoleIsSafe(app);
  } catch (err) {
    await dbs.close();
    throw err;
  }
  return dbs;
}

/** The login role of the app pool may not be able to escape row-level security; the server refuses to start if it can. */
export async function assertLoginRoleIsSafe(app: PostgresDatabase): Promise<void> {
  const { rows } = await app.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
    'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = session_user',
  );
  const role = rows[0];
  if (role && (role.rolsuper || role.rolbypassrls)) {
    throw new UnsafeDatabaseRoleError(
      `DATABASE_URL connects as ${role.rolname}, which can bypass row-level security. Use a login role that is NOSUPERUSER NOBYPASSRLS and a member of confide_app, and give the owner's URL as DATABASE_ADMIN_URL (see README, "Running against a PostgreSQL server").`,
    );
  }
}
