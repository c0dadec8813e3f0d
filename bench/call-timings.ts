/**
 * Call timings, run on demand (`npm run bench:calls`): over BENCH_RUNS calls (default 10) in two Chromium pages
 * with fake camera and microphone, through the real web app and server (recording on):
 *  - set-up: the second participant presses "Join the call" → the first frame of the other's video is decoded;
 *  - switch: in an audio call, the GP presses "Turn camera on" → the patient's page decodes the first frame.
 * Medians are reported with the range. Needs the built web app (`npm run build -w apps/web`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import { TEST_ENV } from '../apps/server/test/test-app';
import { createGp, registerPatient, signInAsStaff } from '../apps/web/e2e/people';
import type { RunningServer } from '../apps/web/e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

const frames = (page: Page) => page.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function summary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return `median ${Math.round(median)} ms (min ${Math.round(s[0]!)}, max ${Math.round(s.at(-1)!)}, n = ${s.length})`;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-bench-calls-'));
  const config = loadConfig({
    ...TEST_ENV, LOG_LEVEL: 'warn', RECORDING: 'on', DATA_DIR: dataDir, RECORDING_KEK: randomBytes(32).toString('base64'), PORT: '0',
    WEB_DIST_DIR: path.resolve('apps/web/dist'),
  });
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dbs = { app: db, admin: db, close: () => db.close() };
  const app = await buildApp({ config, dbs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  const server: RunningServer = { baseUrl, dbs, config, close: async () => undefined };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection'],
  });
  const patientPage = await (await browser.newContext({ baseURL: baseUrl })).newPage();
  const givenName = `Bench${randomUUID().slice(0, 6)}`;
  await registerPatient(patientPage, givenName);
  const gp = await createGp(server, 'Dr Bench Timings');
  const gpPage = await (await browser.newContext({ baseURL: baseUrl })).newPage();
  await signInAsStaff(gpPage, gp, '**/clinician/**');

  let fixture = 0;
  async function consultation(mode: 'audio' | 'video'): Promise<string> {
    fixture += 1;
    const { rows } = await db.query<{ id: string }>(
      `WITH a AS (
         INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, status, checked_in_at, access_route)
         SELECT p.id, $2, t.id, now() - make_interval(hours => $4), now() - make_interval(hours => $4) + interval '10 minutes', 'Bench', 'in_consultation', now(), 'private'
         FROM patients p, appointment_types t WHERE p.given_name = $1 AND t.code = $3 RETURNING id, patient_id, clinician_user_id)
       INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode) SELECT id, patient_id, clinician_user_id, $5 FROM a RETURNING id`,
      [givenName, gp.id, mode === 'audio' ? 'gp-audio' : 'gp-video', fixture, mode],
    );
    return rows[0]!.id;
  }
  const connected = (page: Page) => page.getByRole('status', { name: 'Call quality' }).textContent().then((t) => /Connection:/.test(t ?? ''));

  const setup: number[] = [];
  const switching: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const video = await consultation('video');
    await patientPage.goto(`/patient/consultations/${video}/call`);
    await gpPage.goto(`/clinician/consultations/${video}/call`);
    await patientPage.getByRole('button', { name: 'Join the call' }).click();
    await gpPage.getByRole('button', { name: 'Join the call' }).waitFor();
    const joined = performance.now();
    await gpPage.getByRole('button', { name: 'Join the call' }).click();
    await until(async () => (await frames(gpPage)) > 0);
    setup.push(performance.now() - joined);
    await gpPage.getByRole('button', { name: 'End consultation' }).click();
    await gpPage.getByRole('button', { name: 'Yes, end the consultation' }).click();

    const audio = await consultation('audio');
    await patientPage.goto(`/patient/consultations/${audio}/call`);
    await gpPage.goto(`/clinician/consultations/${audio}/call`);
    await patientPage.getByRole('button', { name: 'Join the call' }).click();
    await gpPage.getByRole('button', { name: 'Join the call' }).click();
    await until(async () => (await connected(patientPage)) && (await connected(gpPage)));
    const asked = performance.now();
    await gpPage.getByRole('button', { name: 'Turn camera on' }).click();
    await until(async () => (await frames(patientPage)) > 0);
    switching.push(performance.now() - asked);
    await gpPage.getByRole('button', { name: 'End consultation' }).click();
    await gpPage.getByRole('button', { name: 'Yes, end the consultation' }).click();
  }
  console.log(`Call timings over ${RUNS} runs (2 cores, Chromium with fake devices, loopback, recording on):`);
  console.log(`- set-up, "Join the call" → first remote video frame decoded: ${summary(setup)}`);
  console.log(`- switch, "Turn camera on" → first remote video frame decoded: ${summary(switching)}`);
  await browser.close();
  await app.close();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
