import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Database, Databases, Queryable, QueryResult } from '../db/database';
import { FeatureSwitches } from './feature-switches';

/** A database whose `feature_switch_state()` read can be held open, to order it against a write. */
function heldDatabase(table: Map<string, boolean>) {
  let release: (() => void) | null = null;
  let hold = false;
  const q: Queryable = {
    async query<R>(text: string): Promise<QueryResult<R>> {
      if (!text.includes('feature_switch_state')) return { rows: [], rowCount: 0 };
      const rows = [...table].map(([feature, enabled]) => ({ feature, enabled })) as R[];
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return { rows, rowCount: rows.length };
    },
    exec: async () => {},
  };
  const db: Database = {
    engine: 'pglite',
    transaction: (fn) => fn(q),
    exec: async () => {},
    query: q.query,
    close: async () => {},
  };
  const dbs: Databases = { app: db, admin: db, close: async () => {} };
  return {
    dbs,
    holdNextRead: () => (hold = true),
    releaseRead: () => {
      hold = false;
      release?.();
    },
  };
}

describe('feature switches', () => {
  it('a poll that read the table before this server switched a feature on does not switch it back off', async () => {
    const table = new Map([['replays', false]]);
    const db = heldDatabase(table);
    const switches = new FeatureSwitches(db.dbs, pino({ level: 'silent' }), 1000);
    await switches.refresh();
    expect(switches.isOn('replays')).toBe(false);

    db.holdNextRead();
    const poll = switches.refresh(); // reads "off" and is held there
    await new Promise((resolve) => setImmediate(resolve));
    table.set('replays', true); // the admin's write commits…
    switches.applyWritten([{ feature: 'replays', enabled: true }]); // …and this server applies it at once
    db.releaseRead();
    await poll;
    expect(switches.isOn('replays')).toBe(true);

    await switches.refresh(); // the next poll agrees with the table
    expect(switches.isOn('replays')).toBe(true);
  });

  it('a poll with no write in between applies what another server wrote', async () => {
    const table = new Map([['replays', true]]);
    const switches = new FeatureSwitches(heldDatabase(table).dbs, pino({ level: 'silent' }), 1000);
    await switches.refresh();
    table.set('replays', false);
    await switches.refresh();
    expect(switches.isOn('replays')).toBe(false);
    expect(() => switches.require('replays')).toThrow(/temporarily unavailable/);
  });
});
