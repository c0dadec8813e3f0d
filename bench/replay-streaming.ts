/**
 * Replay streaming benchmark, run on demand (`npm run bench:replay`): a recording of BENCH_MB megabytes (default
 * 64) stored encrypted on disk (the file blob store), then played through the real HTTP server as a browser does:
 * the first playback (composing the track), one whole sequential download, and BENCH_SEEKS (default 200) random
 * 1 MiB Range requests (seeks), each decrypted on the fly. Reports MB/s, latencies and the server's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API, type ReplayPlayback } from '@confide/contract';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import type { Databases } from '../apps/server/src/db/database';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import { SESSION_COOKIE } from '../apps/server/src/http/session-cookie';
import { LocalKeyProvider } from '../apps/server/src/recordings/key-provider';
import { FileBlobStore } from '../apps/server/src/storage/blob-store';
import { syntheticSegment } from '../apps/server/test/synthetic-media';
import { TEST_ENV, type TestApp } from '../apps/server/test/test-app';
import { createStaff, endConsultation, recordSegment, registerPatient, startConsultation } from '../apps/server/test/world';

const MB = Number(process.env.BENCH_MB ?? 64);
const SEEKS = Number(process.env.BENCH_SEEKS ?? 200);
const MIB = 1024 * 1024;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const rssMb = () => process.memoryUsage().rss / MIB;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'confide-bench-'));
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dbs: Databases = { app: db, admin: db, close: () => db.close() };
  const recordings = { blobs: new FileBlobStore(path.join(dir, 'blobs')), keys: new LocalKeyProvider(Buffer.alloc(32, 1)) };
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent' });
  const app = (await buildApp({ config, dbs, recordings })) as TestApp;
  await app.ready();
  const ctx = { app, dbs, config, logs: [], close: () => app.close() };
  try {
    const gp = await createStaff(ctx, 'clinician', 'Dr Bench');
    const patient = await registerPatient(ctx);
    const { consultationId } = await startConsultation(ctx, patient, gp);
    await recordSegment(ctx, recordings, consultationId, 'patient', await syntheticSegment(MB), 0);
    await endConsultation(ctx, consultationId);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = `${SESSION_COOKIE}=${patient.client.cookie}`;

    let t0 = performance.now();
    const started = await patient.client.post(API.consultationReplay(consultationId), {});
    if (started.status !== 200) throw new Error(`playback refused: ${started.status} ${started.text}`);
    const playback = started.body as ReplayPlayback;
    const composeMs = performance.now() - t0;
    const src = `${base}${playback.tracks[0]!.src}`;

    const rssBefore = rssMb();
    let rssPeak = rssBefore;
    t0 = performance.now();
    const whole = await fetch(src, { headers: { cookie } });
    let total = 0;
    for await (const chunk of whole.body!) {
      total += (chunk as Uint8Array).length;
      rssPeak = Math.max(rssPeak, rssMb());
    }
    const wholeS = (performance.now() - t0) / 1000;

    const seekMs: number[] = [];
    let seekBytes = 0;
    t0 = performance.now();
    for (let i = 0; i < SEEKS; i++) {
      const start = Math.floor(Math.random() * (total - MIB));
      const s0 = performance.now();
      const res = await fetch(src, { headers: { cookie, range: `bytes=${start}-${start + MIB - 1}` } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 206 || body.length !== MIB) throw new Error(`range failed: ${res.status} ${body.length}`);
      seekMs.push(performance.now() - s0);
      seekBytes += body.length;
      rssPeak = Math.max(rssPeak, rssMb());
    }
    const seekS = (performance.now() - t0) / 1000;

    console.log(`Replay streaming (PGlite, file blob store, AES-256-GCM 64 KiB chunks, over HTTP on loopback; ${os.cpus().length} cores):`);
    console.log(`- first playback of a ${(total / MIB).toFixed(0)} MiB recording (decrypt segments, compose, encrypt, store): ${composeMs.toFixed(0)} ms`);
    console.log(`- whole track, one sequential request: ${(total / MIB / wholeS).toFixed(0)} MB/s (${wholeS.toFixed(2)} s)`);
    console.log(`- ${SEEKS} random 1 MiB Range requests (seeks): ${(seekBytes / MIB / seekS).toFixed(0)} MB/s; each p50 ${pct(seekMs, 50).toFixed(1)} ms, p99 ${pct(seekMs, 99).toFixed(1)} ms`);
    console.log(`- server process RSS while streaming: ${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB peak (a stream holds one 512 KiB step at a time)`);
  } finally {
    await ctx.close();
    await dbs.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
