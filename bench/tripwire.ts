/**
 * Tripwire benchmark, run on demand (`npm run bench:tripwire`): the reference breach forced BENCH_RUNS times
 * (default 20) — the Replays listing query without its patient filter, with the policy module and row-level
 * security both switched off — and, for each, the time from the request to the incident record being committed
 * (`incidents.opened_at`, taken by the database's clock_timestamp()) and to the blocked response. Also the cost
 * the tripwire adds to an ordinary listing.
 */
import { API } from '@confide/contract';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import type { Databases } from '../apps/server/src/db/database';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import type { Faults } from '../apps/server/src/services/service-deps';
import { TEST_ENV, type TestApp, type TestContext } from '../apps/server/test/test-app';
import { addRecordingSegment, createStaff, registerPatient, startConsultation } from '../apps/server/test/world';

/** The app over `dbs` with test-only faults (benchmarks do not run under vitest, so no test harness). */
async function appWith(dbs: Databases, faults: Faults = {}): Promise<TestContext> {
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent' });
  const app = (await buildApp({ config, dbs, faults })) as TestApp;
  await app.ready();
  return { app, dbs, config, logs: [], close: () => app.close() };
}

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function main(): Promise<void> {
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dbs: Databases = { app: db, admin: db, close: () => db.close() };
  const base = await appWith(dbs);
  const gp = await createStaff(base, 'clinician', 'Dr Bench');
  const patients = [await registerPatient(base), await registerPatient(base), await registerPatient(base)];
  for (const p of patients) {
    for (let i = 0; i < 5; i++) {
      const { consultationId } = await startConsultation(base, p, gp);
      await addRecordingSegment(base, consultationId);
    }
  }
  const leaky = await appWith(dbs, { replayListingLeak: true, policyOff: true, rlsOff: true });
  const cookie = `__Host-confide_session=${patients[0]!.client.cookie}`;
  const toIncident: number[] = [];
  const toResponse: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = Date.now();
    const t0 = performance.now();
    const res = await leaky.app.inject({ method: 'GET', url: API.myReplays, headers: { cookie } });
    toResponse.push(performance.now() - t0);
    if (res.statusCode !== 500) throw new Error(`expected the tripwire to block, got ${res.statusCode}`);
    const { rows } = await base.dbs.admin.query<{ opened_at: Date }>(
      `SELECT opened_at FROM incidents WHERE actor_user_id = $1 ORDER BY opened_at DESC LIMIT 1`,
      [patients[0]!.userId],
    );
    toIncident.push(rows[0]!.opened_at.getTime() - before);
  }
  // The tripwire's cost on an ordinary, allowed listing (5 recordings), with and without it.
  const timed = async (ctx: TestContext, n: number) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await ctx.app.inject({ method: 'GET', url: API.myReplays, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`listing failed: ${res.statusCode}`);
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const without = await appWith(dbs, { tripwireOff: true });
  const withTripwire = await timed(base, 200);
  const withoutTripwire = await timed(without, 200);
  console.log(`Tripwire, ${RUNS} forced cross-patient listings (PGlite, in-process):`);
  console.log(`- request → incident committed: median ${median(toIncident).toFixed(0)} ms (max ${Math.max(...toIncident).toFixed(0)} ms)`);
  console.log(`- request → blocked 500 answered: median ${median(toResponse).toFixed(1)} ms`);
  console.log(`- an allowed Replays listing: median ${withTripwire.toFixed(2)} ms with the tripwire, ${withoutTripwire.toFixed(2)} ms without`);
  await without.close();
  await leaky.close();
  await base.close();
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
