import type { Principal } from '@confide/domain';
import type { Database, Queryable, QueryResult } from './database';

declare const principalBound: unique symbol;
declare const anonymousBound: unique symbol;

/** A transaction running as `confide_app` with a principal set. Only `withPrincipal` makes one. */
export interface PrincipalTx {
  readonly principal: Principal;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  readonly [principalBound]: true;
}

/** A transaction running as `confide_app` with no principal: sees no patient rows; may call the auth functions. */
export interface AnonymousTx {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  readonly [anonymousBound]: true;
}

/**
 * Test-only faults, set by tests through buildApp's dependencies (never from the environment), to show that
 * each layer alone stops a cross-patient read.
 */
export interface DataFaults {
  /** Run principal-bound transactions as the connection's own role instead of confide_app (RLS off on PGlite). */
  rlsOff?: boolean;
}

const SET_IDENTITY = `set_config('confide.user_id', $1, true), set_config('confide.role', $2, true),
  set_config('confide.patient_id', $3, true), set_config('confide.org_id', $4, true), set_config('confide.session_id', $5, true)`;
const SET_PRINCIPAL = `SELECT set_config('role', 'confide_app', true), ${SET_IDENTITY}`;

function queryOnly(q: Queryable) {
  return { query: q.query.bind(q) };
}

/**
 * Opens a transaction that acts as `principal`: switches to the non-owner role `confide_app` and sets the
 * principal with set_config(..., true), so it lasts for this transaction only and a pooled connection cannot
 * carry it to the next request.
 */
export function withPrincipal<T>(
  db: Database,
  principal: Principal,
  fn: (tx: PrincipalTx) => Promise<T>,
  faults: DataFaults = {},
): Promise<T> {
  return db.transaction(async (q) => {
    if (faults.rlsOff) {
      await q.query(`SELECT ${SET_IDENTITY}`, principalParams(principal));
    } else {
      await q.query(SET_PRINCIPAL, principalParams(principal));
    }
    return fn({ ...queryOnly(q), principal } as unknown as PrincipalTx);
  });
}

function principalParams(p: Principal): string[] {
  return [p.userId, p.role, p.patientId ?? '', p.organisationId ?? '', p.sessionId];
}

/** A transaction as `confide_app` with no principal at all (sign-in, registration checks, password reset). */
export function withoutPrincipal<T>(db: Database, fn: (tx: AnonymousTx) => Promise<T>): Promise<T> {
  return db.transaction(async (q) => {
    await q.query(`SELECT set_config('role', 'confide_app', true)`);
    return fn(queryOnly(q) as unknown as AnonymousTx);
  });
}
