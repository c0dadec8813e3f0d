import type { Database } from './database';

/**
 * Creates (or updates) the app's login role: LOGIN, NOSUPERUSER, NOBYPASSRLS, NOINHERIT, a member of confide_app
 * and nothing else, so it holds no privilege until a transaction switches to confide_app. Run with the owner's connection,
 * after migrations (which create confide_app).
 */
export async function provisionLoginRole(admin: Database, name: string, password: string | null): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error('The login role name must be a plain lower-case identifier.');
  const pw = password === null ? 'NULL' : quoteLiteral(password);
  await admin.exec(`DO $$
BEGIN
  BEGIN
    CREATE ROLE ${name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${pw};
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    ALTER ROLE ${name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${pw};
  END;
  BEGIN
    GRANT confide_app TO ${name};
  EXCEPTION WHEN unique_violation THEN NULL;
  END;
END
$$;`);
}

function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Makes the app pool's login role a member of confide_app (idempotent); run with the owner's connection after migrations. */
export async function grantAppRole(admin: Database, loginRole: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(loginRole)) throw new Error('The login role name must be a plain lower-case identifier.');
  await admin.exec(`GRANT confide_app TO ${loginRole}`);
}
