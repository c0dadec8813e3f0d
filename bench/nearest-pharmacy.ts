/**
 * Nearest-pharmacy search over a national-sized directory, run on demand (`npm run bench:pharmacies`): 15,000
 * pharmacies (BENCH_PHARMACIES) spread over Great Britain — most clustered around towns, the rest scattered, like the
 * real distribution — imported through the directory CSV path into PGlite, then BENCH_QUERIES searches from random
 * points through POST /api/v1/pharmacies/search as a signed-in patient (in-process inject), with and without
 * "open now". Reports import time, median and p99 per search, and how far the search had to look.
 */
import { randomInt } from 'node:crypto';
import { API, type PharmacySearchResult } from '@confide/contract';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import type { Databases } from '../apps/server/src/db/database';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import { loadDirectory } from '../apps/server/src/seed/demo-directory';
import { newRegistration, TEST_ENV } from '../apps/server/test/test-app';

const PHARMACIES = Number(process.env.BENCH_PHARMACIES ?? 15_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

// Towns as [latitude, longitude, weight]: where pharmacies cluster.
const TOWNS: [number, number, number][] = [
  [51.507, -0.128, 30], [52.486, -1.890, 8], [53.480, -2.242, 8], [53.800, -1.549, 6], [55.864, -4.252, 6], [53.408, -2.991, 5],
  [51.454, -2.588, 4], [55.953, -3.188, 4], [53.383, -1.465, 4], [52.954, -1.158, 3], [54.978, -1.618, 3], [51.481, -3.179, 3],
  [50.376, -4.143, 2], [52.630, 1.297, 2], [50.909, -1.404, 2], [51.752, -1.258, 2], [52.205, 0.122, 2], [57.149, -2.094, 2],
];
const totalWeight = TOWNS.reduce((s, t) => s + t[2], 0);
const rand = () => randomInt(0, 1_000_000) / 1_000_000;

function randomPoint(): [number, number] {
  if (rand() < 0.2) return [50.2 + rand() * 7.5, -5.5 + rand() * 7.2]; // scattered across GB
  let pick = rand() * totalWeight;
  const town = TOWNS.find((t) => (pick -= t[2]) < 0) ?? TOWNS[0]!;
  const r = Math.sqrt(rand()) * 0.15; // within roughly 15 km
  const a = rand() * 2 * Math.PI;
  return [town[0] + r * Math.cos(a), town[1] + (r * Math.sin(a)) / Math.cos((town[0] * Math.PI) / 180)];
}

function directoryCsv(n: number): string {
  // Most keep shop hours; some open late; a few never close (so "open now" at night has to look far).
  const week = (h: string, sat: string, sun: string) => `mon ${h}; tue ${h}; wed ${h}; thu ${h}; fri ${h}; sat ${sat}; sun ${sun}`;
  const hours = [week('09:00-18:00', '09:00-13:00', 'closed'), week('08:00-22:00', '08:00-22:00', '10:00-16:00'), week('00:00-23:59', '00:00-23:59', '00:00-23:59')];
  const lines = ['ods_code,name,address,postcode,phone,latitude,longitude,opening_hours'];
  for (let i = 0; i < n; i++) {
    const [lat, lon] = randomPoint();
    const days = hours[i % 20 === 0 ? 2 : i % 4 === 0 ? 1 : 0]!;
    lines.push(`FB${String(i).padStart(5, '0')},Pharmacy ${i},"${i} Market Street, Town",SW1A 1AA,020 7946 ${String(i % 10000).padStart(4, '0')},${lat.toFixed(5)},${lon.toFixed(5)},${days}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dbs: Databases = { app: db, admin: db, close: () => db.close() };
  const t0 = performance.now();
  await loadDirectory(db, { pharmacies: directoryCsv(PHARMACIES), postcodes: 'postcode,latitude,longitude\nSW1A 1AA,51.501,-0.1416' });
  const importMs = performance.now() - t0;
  const app = await buildApp({ config: loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent' }), dbs });
  await app.ready();
  const reg = await app.inject({ method: 'POST', url: API.register, payload: newRegistration() });
  const cookie = String(reg.headers['set-cookie']).split(';')[0]!;
  const csrf = (JSON.parse(reg.body) as { csrfToken: string }).csrfToken;
  const search = async (payload: object) => {
    const s = performance.now();
    const res = await app.inject({ method: 'POST', url: API.pharmacySearch, headers: { cookie, 'x-csrf-token': csrf }, payload });
    if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
    return { ms: performance.now() - s, body: JSON.parse(res.body) as PharmacySearchResult };
  };
  for (let i = 0; i < 20; i++) await search({ latitude: 51.5, longitude: -0.12 });
  const plain: number[] = [];
  const openNow: number[] = [];
  const farthest: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const [latitude, longitude] = randomPoint();
    const a = await search({ latitude, longitude, limit: 10 });
    plain.push(a.ms);
    farthest.push(a.body.results.at(-1)?.distanceKm ?? 0);
    openNow.push((await search({ latitude, longitude, limit: 10, openNow: true })).ms);
  }
  const byPostcode = (await search({ postcode: 'SW1A 1AA', limit: 10 })).ms;
  await app.close();
  await db.close();
  console.log(`Nearest-pharmacy search, ${PHARMACIES} pharmacies, ${QUERIES} random points (PGlite, in-process HTTP inject, 2 cores):`);
  console.log(`- import of the directory CSV: ${(importMs / 1000).toFixed(1)} s`);
  console.log(`- nearest 10: median ${pct(plain, 50).toFixed(2)} ms, p99 ${pct(plain, 99).toFixed(2)} ms`);
  console.log(`- nearest 10 open now: median ${pct(openNow, 50).toFixed(2)} ms, p99 ${pct(openNow, 99).toFixed(2)} ms`);
  console.log(`- distance to the 10th nearest: median ${pct(farthest, 50).toFixed(1)} km, p99 ${pct(farthest, 99).toFixed(1)} km`);
  console.log(`- searched at ${new Date().toISOString()} (open now depends on the time of day: 5% never close, 25% open 08:00–22:00)`);
  console.log(`- one search by postcode: ${byPostcode.toFixed(2)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
