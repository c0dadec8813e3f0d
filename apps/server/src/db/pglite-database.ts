import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Queryable, QueryResult } from './database';

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await q.query<R>(text, params as unknown[] | undefined);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Embedded PostgreSQL (PGlite, in WebAssembly). One connection, one transaction at a time. */
export class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;
  private closed = false;

  private constructor(private readonly pg: PGlite) {}

  /** `dataDir` undefined means in memory (tests). */
  static async open(dataDir?: string, loadDataDir?: Blob): Promise<PgliteDatabase> {
    // btree_gist: the exclusion constraint that stops a clinician being double-booked.
    const pg = await PGlite.create({ dataDir, loadDataDir, relaxedDurability: false, extensions: { btree_gist } });
    return new PgliteDatabase(pg);
  }

  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(wrap(tx)));
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return wrap(this.pg).query<R>(text, params);
  }

  /** A snapshot of the whole cluster, used by tests to start each database from a migrated template. */
  dump(): Promise<File | Blob> {
    return this.pg.dumpDataDir('none');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pg.close();
  }
}
