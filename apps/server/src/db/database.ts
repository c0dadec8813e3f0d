/** The narrow surface the rest of the server sees of PostgreSQL, whichever engine is underneath. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations and test fixtures only). */
  exec(sql: string): Promise<void>;
}

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` inside one transaction on one connection; commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations only). */
  exec(sql: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  close(): Promise<void>;
}

/**
 * The application's connection, which queries patient data only as `confide_app` with a principal, and the
 * owner's connection, used for migrations, the demo seed and operator scripts. On PGlite both are one instance.
 */
export interface Databases {
  app: Database;
  admin: Database;
  close(): Promise<void>;
}
