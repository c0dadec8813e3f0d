/**
 * Benchmarks, run on demand (`npm run bench`), never as tests. In-process through Fastify's inject, so the
 * figures are the server's own cost (routing, session lookup, RLS transaction, policy, audit append), on the
 * embedded database by default or on a server with BENCH_DATABASE_URL (a superuser URL; a database is created).
 */
import { randomBytes } from 'node:crypto';
import { API } from '@confide/contract';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import type { Databases } from '../apps/server/src/db/database';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import { PostgresDatabase } from '../apps/server/src/db/postgres-database';
import { provisionLoginRole } from '../apps/server/src/db/provision';
import { verifyAuditChain } from '../apps/server/src/audit/audit-chain';

const N = Number(process.env.BENCH_N ?? 2000);

async function openDbs(): Promise<Databases & { engine: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const db = await PgliteDatabase.open();
    await migrate(db);
    return { app: db, admin: db, close: () => db.close(), engine: 'PGlite (in memory)' };
  }
  const name = `confide_bench_${randomBytes(4).toString('hex')}`;
  const server = new PostgresDatabase(url, 1);
  await server.query(`CREATE DATABASE ${name}`);
  const adminUrl = new URL(url);
  adminUrl.pathname = `/${name}`;
  const admin = new PostgresDatabase(adminUrl.toString(), 2);
  await migrate(admin);
  await provisionLoginRole(admin, 'confide_bench_login', null);
  const appUrl = new URL(adminUrl);
  appUrl.username = 'confide_bench_login';
  const app = new PostgresDatabase(appUrl.toString(), 8);
  return {
    app,
    admin,
    engine: 'PostgreSQL server (pool of 8)',
    close: async () => {
      await app.close();
      await admin.close();
      await server.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await server.close();
    },
  };
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms`;
}

async function timed(count: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<{ perSecond: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: (count / (performance.now() - start)) * 1000, latencies };
}

async function main(): Promise<void> {
  const dbs = await openDbs();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', WEB_DIST_DIR: '/nonexistent' });
  const app = await buildApp({ config, dbs });
  await app.ready();
  console.log(`Confide benchmarks — ${dbs.engine}, Node ${process.version}, ${N} requests each\n`);

  // Registration: argon2id at production cost dominates.
  const cookies: string[] = [];
  const csrf: string[] = [];
  const reg = await timed(40, 2, async (i) => {
    const res = await app.inject({
      method: 'POST',
      url: API.register,
      payload: { givenName: 'Bench', familyName: `Patient${i}`, dateOfBirth: '1980-01-01', email: `bench${i}@example.test`, mobile: '07700900000', postcode: 'SW1A 1AA', password: 'benchmark passphrase' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    cookies.push(res.cookies.find((c) => c.name === '__Host-confide_session')!.value);
    csrf.push((res.json() as { csrfToken: string }).csrfToken);
  });
  console.log(`register (argon2id m=19 MiB, t=2):      ${reg.perSecond.toFixed(1)}/s   ${stats(reg.latencies)}`);

  const rssBefore = process.memoryUsage().rss;
  for (const concurrency of [1, 8]) {
    const me = await timed(N, concurrency, async (i) => {
      const res = await app.inject({ method: 'GET', url: API.me, headers: { cookie: `__Host-confide_session=${cookies[i % cookies.length]}` } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    console.log(`GET /api/v1/me, concurrency ${concurrency}:         ${me.perSecond.toFixed(0)}/s   ${stats(me.latencies)}`);
  }
  const denied = await timed(N, 8, async (i) => {
    const res = await app.inject({ method: 'GET', url: API.patient('00000000-0000-4000-8000-000000000000'), headers: { cookie: `__Host-confide_session=${cookies[i % cookies.length]}` } });
    if (res.statusCode !== 404) throw new Error(res.body);
  });
  console.log(`GET another patient (404 + denied audit): ${denied.perSecond.toFixed(0)}/s   ${stats(denied.latencies)}`);
  console.log(`RSS after the request runs: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (before: ${(rssBefore / 2 ** 20).toFixed(0)} MiB)`);

  // Booking under contention: 200 attempts by 40 patients at 8 at a time, all aiming at the same 10 slots.
  const gp = await dbs.admin.query<{ id: string }>(
    `INSERT INTO users (id, email, password_hash, role, display_name) VALUES (gen_random_uuid(), 'bench.gp@example.test', 'x', 'clinician', 'Dr Bench') RETURNING id`,
  );
  const gpId = gp.rows[0]!.id;
  await dbs.admin.query(`INSERT INTO staff_profiles (user_id, profession, registration_number) VALUES ($1, 'gp', 'GMC 0000000')`, [gpId]);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await dbs.admin.query(
    `INSERT INTO availability_rules (clinician_user_id, appointment_type_id, weekday, start_time, end_time, time_zone, valid_from)
     SELECT $1, id, w, '00:00', '23:50', 'UTC', '2026-01-01' FROM appointment_types, generate_series(1, 7) w WHERE code = 'gp-video'`,
    [gpId],
  );
  const typeId = (await dbs.admin.query<{ id: string }>(`SELECT id FROM appointment_types WHERE code = 'gp-video'`)).rows[0]!.id;
  const slotsRes = await app.inject({ method: 'GET', url: `${API.slots}?profession=gp&date=${tomorrow}&timeZone=UTC`, headers: { cookie: `__Host-confide_session=${cookies[0]}` } });
  const slotStarts = (slotsRes.json() as { items: { startsAt: string }[] }).items.slice(0, 10).map((x) => x.startsAt);
  let won = 0;
  let lost = 0;
  const book = await timed(200, 8, async (i) => {
    const res = await app.inject({
      method: 'POST',
      url: API.appointments,
      headers: { cookie: `__Host-confide_session=${cookies[i % cookies.length]}`, 'x-csrf-token': csrf[i % csrf.length]! },
      payload: { clinicianId: gpId, appointmentTypeId: typeId, startsAt: slotStarts[i % slotStarts.length], reason: 'Benchmark booking', access: { route: 'private' } },
    });
    if (res.statusCode === 201) won += 1;
    else if (res.statusCode === 409) lost += 1;
    else throw new Error(`${res.statusCode} ${res.body}`);
  });
  console.log(`book, 200 attempts at 10 slots, 8 at a time: ${book.perSecond.toFixed(0)}/s   ${stats(book.latencies)}  (${won} booked, ${lost} refused 409)`);

  const t = performance.now();
  const v = await verifyAuditChain(dbs.admin);
  const ms = performance.now() - t;
  console.log(`audit:verify: ${v.entriesChecked} entries in ${ms.toFixed(0)} ms (${((v.entriesChecked / ms) * 1000).toFixed(0)} entries/s), ok=${v.ok}`);

  await app.close();
  await dbs.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
