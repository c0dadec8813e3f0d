/// <reference lib="dom" />
/**
 * Recording benchmark, run on demand (`npm run bench:recording`): server CPU and memory per concurrent recorded call.
 * The real app (PGlite, recording on) listens on loopback; each call is two Chromium pages (fake camera and
 * microphone, 640×480) that join the consultation's signalling socket and send their audio and video to the
 * server's recording peer, as the web app does. The Chromium processes are separate; the figures are this Node
 * process's own CPU time (werift, segmenting, encryption, storage, database) over a steady window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { API } from '@confide/contract';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import { SESSION_COOKIE } from '../apps/server/src/http/session-cookie';
import { ApiClient, newRegistration, TEST_ENV, type TestApp, type TestContext } from '../apps/server/test/test-app';
import { createStaff, registerPatient, startConsultation } from '../apps/server/test/world';

const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 20_000);
const LEVELS = (process.env.BENCH_CALLS ?? '1,2,4').split(',').map(Number);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-bench-rec-'));
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'warn', RECORDING: 'on', DATA_DIR: dataDir, RECORDING_KEK: randomBytes(32).toString('base64'), PORT: '0' });
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dbs = { app: db, admin: db, close: () => db.close() };
  const app = (await buildApp({ config, dbs })) as TestApp;
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const base = `http://localhost:${port}`;
  const ctx: TestContext = { app, dbs, config, logs: [], close: async () => undefined };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection'],
  });
  console.log(`Recording benchmark: ${os.cpus().length} cores, Node ${process.version}; window ${WINDOW_MS / 1000} s per level`);
  const baseline = process.memoryUsage().rss;
  console.log(`Process RSS before any call: ${(baseline / 2 ** 20).toFixed(0)} MiB`);
  console.log('| Concurrent recorded calls | Server CPU (% of one core) | per call | Peak RSS in the window | above the baseline, per call | Segments stored |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const calls of LEVELS) {
    const pages = [];
    for (let i = 0; i < calls; i++) {
      const patient = await registerPatient(ctx, newRegistration());
      const gp = await createStaff(ctx, 'clinician', `Dr Bench ${calls}-${i}`);
      const { consultationId } = await startConsultation(ctx, patient, gp, 'video');
      for (const who of [patient.client, gp.client] as ApiClient[]) {
        const context = await browser.newContext({ baseURL: base });
        await context.addCookies([{ name: SESSION_COOKIE, value: who.cookie!, domain: 'localhost', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }]);
        // tsx names functions with __name(), which page.evaluate would ship to the page without its definition.
        await context.addInitScript('window.__name = (f) => f');
        const page = await context.newPage();
        await page.goto('/healthz');
        await page.evaluate(recordOnly, API.consultationSignal(consultationId));
        pages.push(context);
      }
    }
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM recording_segments');
    await new Promise((r) => setTimeout(r, 3_000)); // connected and recording
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t0;
    clearInterval(sampler);
    for (const p of pages) await p.close();
    await new Promise((r) => setTimeout(r, 4_000)); // last segments flushed
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM recording_segments');
    const percent = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    console.log(`| ${calls} | ${percent.toFixed(1)}% | ${(percent / calls).toFixed(1)}% | ${mib(peak)} MiB | ${mib((peak - baseline) / calls)} MiB | ${after.rows[0]!.n - before.rows[0]!.n} |`);
  }
  await browser.close();
  await app.close();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** In the page: join the call and send this participant's camera and microphone to the server's recorder only. */
async function recordOnly(signalPath: string): Promise<void> {
  const ws = new WebSocket(`${location.origin.replace('http', 'ws')}${signalPath}`);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const pc = new RTCPeerConnection();
  ws.onmessage = async (event) => {
    const m = JSON.parse(String(event.data));
    if (m.type === 'description' && m.channel === 'recorder') await pc.setRemoteDescription(m.description);
    if (m.type === 'candidate' && m.channel === 'recorder' && m.candidate) await pc.addIceCandidate(m.candidate).catch(() => undefined);
  };
  pc.onicecandidate = (e) => ws.send(JSON.stringify({ type: 'candidate', channel: 'recorder', candidate: e.candidate ? e.candidate.toJSON() : null }));
  ws.send(JSON.stringify({ type: 'join', recordingNoticeSeen: true }));
  const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
  for (const track of media.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [media] });
  await pc.setLocalDescription(await pc.createOffer());
  ws.send(JSON.stringify({ type: 'description', channel: 'recorder', description: pc.localDescription }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
