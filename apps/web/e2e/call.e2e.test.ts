import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecordingKeys } from '../../server/src/recordings/recording-keys';
import { loadSegment } from '../../server/src/recordings/segment-sink';
import { FileBlobStore } from '../../server/src/storage/blob-store';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { createGp, registerPatient, signInAsStaff, type StaffAccount } from './people';

/**
 * A real call in two browsers (Chromium with fake camera and microphone): the patient and the GP join a booked
 * audio consultation, the GP switches to video part way through, the patient's page decodes the GP's video, they
 * chat, the GP ends it. The server recorded both sides: every segment belongs to that one consultation and its
 * patient, decrypts only as theirs, and ffprobe reads audio and (after the switch) video. The GP and then the patient
 * replay it (play, seek); the patient's access history shows the GP's replay; another patient sees no recordings
 * and gets 404 for the first patient's media link. Others are refused at the call.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
let gp: StaffAccount;
const givenName = `Callum${randomUUID().slice(0, 6)}`;
let consultationId: string;
let patientPage: Page;
let gpPage: Page;
/** When both sides were connected, and when the GP ended the call (wall clock). */
let connectedAt = 0;
let endedAt = 0;
/** The patient's replay media link (single-session). */
let mediaSrc = '';

beforeAll(async () => {
  server = await startServer({ recording: true });
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  gp = await createGp(server, 'Dr Call Test');
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

/** Where a replay's media element for one participant has got to, in seconds. */
const mediaTime = (page: Page, participant: 'patient' | 'clinician') =>
  page.locator(`[data-participant="${participant}"]`).evaluate((m: HTMLMediaElement) => m.currentTime);

/** Frames of remote video the page has decoded so far. */
const framesDecoded = (page: Page) =>
  page.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);

describe('a recorded call that switches from audio to video', () => {
  it('the patient and the GP join the booked audio consultation and hear each other', async () => {
    patientPage = await phone.newPage();
    await registerPatient(patientPage, givenName);
    // The appointment is under way: the GP has admitted the patient (booking, check-in and admitting have their own tests).
    const { rows } = await server.dbs.admin.query<{ id: string }>(
      `WITH a AS (
         INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, status, checked_in_at, access_route)
         SELECT p.id, $2, t.id, date_trunc('minute', now()), date_trunc('minute', now()) + interval '10 minutes', 'Cough', 'in_consultation', now(), 'private'
         FROM patients p, appointment_types t WHERE p.given_name = $1 AND t.code = 'gp-audio' RETURNING id, patient_id, clinician_user_id)
       INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode) SELECT id, patient_id, clinician_user_id, 'audio' FROM a RETURNING id`,
      [givenName, gp.id],
    );
    consultationId = rows[0]!.id;
    await server.dbs.admin.query(`INSERT INTO care_relationships (clinician_user_id, patient_id, reason) SELECT $1, patient_id, 'test' FROM consultations WHERE id = $2`, [gp.id, consultationId]);

    await patientPage.goto('/patient/appointments');
    await patientPage.getByRole('link', { name: /^Join your consultation/ }).click();
    await patientPage.getByRole('heading', { level: 1, name: 'Your consultation' }).waitFor();
    await patientPage.getByText('This consultation is recorded.', { exact: false }).waitFor();
    await checkPage(patientPage, 'call: recording notice');
    await patientPage.getByRole('button', { name: 'Join the call' }).click();

    gpPage = await phone.newPage();
    await signInAsStaff(gpPage, gp, '**/clinician/**');
    await gpPage.goto('/clinician/day');
    await gpPage.getByRole('link', { name: `Join the call with ${givenName} Booker` }).first().click();
    await gpPage.getByRole('heading', { level: 1, name: `Consultation with ${givenName} Booker` }).waitFor();
    const joinedAt = Date.now();
    await gpPage.getByRole('button', { name: 'Join the call' }).click();

    for (const page of [patientPage, gpPage]) {
      await page.getByRole('status', { name: 'Call quality' }).filter({ hasText: /Connection: (Good|Fair|Poor)/ }).waitFor({ timeout: 20_000 });
    }
    connectedAt = Date.now();
    expect(connectedAt - joinedAt).toBeLessThan(20_000);
    // An audio call: no video yet.
    expect(await gpPage.getByTestId('local-video').count()).toBe(0);
    await checkPage(patientPage, 'call: in an audio call');
    await checkPage(gpPage, 'call: clinician in an audio call');
  });

  it('the GP switches to video mid-call and the patient’s page decodes the GP’s video; they chat', async () => {
    await gpPage.waitForTimeout(3_000); // talk for a while on audio
    expect(await framesDecoded(patientPage)).toBe(0);
    const asked = Date.now();
    await gpPage.getByRole('button', { name: 'Turn camera on' }).click();
    await expect.poll(() => framesDecoded(patientPage), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(Date.now() - asked).toBeLessThan(15_000); // timings are measured by bench/call-timings.ts
    await gpPage.getByTestId('local-video').waitFor();
    await gpPage.getByRole('button', { name: 'Turn camera off' }).waitFor();
    // The call never dropped: still connected on both sides.
    for (const page of [patientPage, gpPage]) expect(await page.getByRole('status', { name: 'Call quality' }).textContent()).toMatch(/Connection:/);

    await patientPage.getByRole('textbox', { name: 'Message' }).fill('I can see you now');
    await patientPage.getByRole('button', { name: 'Send message' }).click();
    await gpPage.getByRole('region', { name: 'Message history' }).getByText('I can see you now').waitFor();
    await checkPage(gpPage, 'call: video and chat');
    await gpPage.waitForTimeout(5_000); // talk on video for a while
  });

  it('the GP ends the consultation for both', async () => {
    await gpPage.getByRole('button', { name: 'End consultation' }).click();
    await gpPage.getByRole('button', { name: 'Yes, end the consultation' }).click();
    endedAt = Date.now();
    await gpPage.getByRole('heading', { level: 1, name: `Notes: ${givenName} Booker` }).waitFor();
    await patientPage.getByRole('heading', { level: 1, name: 'Your consultation has ended' }).waitFor();
    await checkPage(patientPage, 'call: ended');
  });

  it('exactly this consultation holds the recording: its patient’s, encrypted, and ffprobe reads audio then video', async () => {
    type Row = { id: string; consultation_id: string; patient_id: string; participant: string; seq: number; has_video: boolean; blob_key: string; wrapped_key: string; started_at: Date; ended_at: Date };
    // Segments are committed as the call goes and flushed when it ends.
    await expect.poll(async () => (await server.dbs.admin.query('SELECT 1 FROM recording_segments WHERE participant = $1', ['clinician'])).rows.length, { timeout: 10_000 }).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 1_500));
    const { rows } = await server.dbs.admin.query<Row>('SELECT * FROM recording_segments ORDER BY participant, seq');
    expect(new Set(rows.map((r) => r.consultation_id))).toEqual(new Set([consultationId]));
    const { rows: owner } = await server.dbs.admin.query<{ patient_id: string; clinician_user_id: string }>('SELECT patient_id, clinician_user_id FROM consultations WHERE id = $1', [consultationId]);
    expect(new Set(rows.map((r) => r.patient_id))).toEqual(new Set([owner[0]!.patient_id]));
    expect(new Set(rows.map((r) => r.participant))).toEqual(new Set(['patient', 'clinician']));

    const store = { blobs: new FileBlobStore(server.config.recording.blobDir), keys: loadRecordingKeys(server.config) };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-ffprobe-'));
    let clinicianSeconds = 0;
    const clinician = rows.filter((r) => r.participant === 'clinician');
    for (const r of rows) {
      const stored = fs.readFileSync(path.join(server.config.recording.blobDir, r.blob_key.slice(0, 2), r.blob_key));
      expect(stored.subarray(0, 4).toString()).toBe('CFR1'); // ciphertext at rest, not WebM
      const plain = await loadSegment(store, { consultationId, patientId: owner[0]!.patient_id, clinicianId: owner[0]!.clinician_user_id }, { id: r.id, blobKey: r.blob_key, wrappedKey: r.wrapped_key });
      // Bound to its consultation: another consultation's owner cannot decrypt it.
      await expect(loadSegment(store, { consultationId: randomUUID(), patientId: owner[0]!.patient_id, clinicianId: owner[0]!.clinician_user_id }, { id: r.id, blobKey: r.blob_key, wrappedKey: r.wrapped_key })).rejects.toThrow();
      const file = path.join(dir, `${r.participant}-${r.seq}.webm`);
      fs.writeFileSync(file, plain);
      const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-show_entries', 'format=duration', '-of', 'json', file]).toString()) as {
        streams: { codec_type: string; codec_name: string }[];
        format: { duration?: string };
      };
      const codecs = probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort();
      expect(codecs, `${r.participant} segment ${r.seq}`).toEqual(r.has_video ? ['audio:opus', 'video:vp8'] : ['audio:opus']);
      if (r.participant === 'clinician') clinicianSeconds += Number(probe.format.duration ?? 0);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    // The GP's side: audio only before the switch, audio and video after it.
    expect(clinician[0]!.has_video).toBe(false);
    expect(clinician.at(-1)!.has_video).toBe(true);
    // The recording covers the call: within 2 s of the time from both being connected to the GP ending it.
    const callSeconds = (endedAt - connectedAt) / 1000;
    expect(Math.abs(clinicianSeconds - callSeconds)).toBeLessThan(2);
  });

  it('the GP replays the recording from the consultation’s notes: both participants’ tracks play in step', async () => {
    await gpPage.getByRole('link', { name: 'Play the recording' }).click();
    await gpPage.getByRole('heading', { level: 1, name: 'Consultation recording' }).waitFor({ timeout: 30_000 });
    await gpPage.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => mediaTime(gpPage, 'clinician'), { timeout: 15_000 }).toBeGreaterThan(1.5);
    expect(Math.abs((await mediaTime(gpPage, 'clinician')) - (await mediaTime(gpPage, 'patient')))).toBeLessThan(0.5);
    await gpPage.getByRole('button', { name: 'Pause' }).click();
    await checkPage(gpPage, 'replay: the clinician’s player');
  });

  it('the patient plays and seeks in Consultation Replays, served by Range; the access history shows the GP’s replay', async () => {
    const media: { status: number; range: string | null }[] = [];
    patientPage.on('response', (r) => {
      if (r.url().includes('/api/v1/replay-media/')) media.push({ status: r.status(), range: r.request().headers()['range'] ?? null });
    });
    await patientPage.goto('/patient/replays');
    await patientPage.getByRole('heading', { level: 1, name: 'Consultation Replays' }).waitFor();
    await checkPage(patientPage, 'replays: the list');
    await patientPage.getByRole('link', { name: /^Play recording of .+ with Dr Call Test$/ }).click();
    await patientPage.getByRole('heading', { level: 1, name: 'Recording of your consultation' }).waitFor({ timeout: 30_000 });
    await patientPage.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => mediaTime(patientPage, 'patient'), { timeout: 15_000 }).toBeGreaterThan(0.5);
    // Seek near the end (into the video part of the call): both tracks jump there and play on from it.
    const slider = patientPage.getByRole('slider', { name: 'Position' });
    const target = Number(await slider.getAttribute('max')) - 3;
    expect(target).toBeGreaterThan(4);
    await slider.fill(String(target));
    await expect.poll(() => mediaTime(patientPage, 'clinician'), { timeout: 15_000 }).toBeGreaterThan(target + 0.3);
    expect(Math.abs((await mediaTime(patientPage, 'clinician')) - (await mediaTime(patientPage, 'patient')))).toBeLessThan(0.5);
    expect(await patientPage.locator('[data-participant="clinician"]').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((m) => m.status === 206 && m.range?.startsWith('bytes='))).toBe(true);
    await patientPage.getByRole('button', { name: 'Pause' }).click();
    await checkPage(patientPage, 'replays: the patient’s player');
    mediaSrc = await patientPage.locator('[data-participant="patient"]').evaluate((v: HTMLMediaElement) => v.currentSrc);

    await patientPage.goto('/patient/profile');
    await patientPage.getByRole('heading', { name: 'Who has accessed your data' }).waitFor();
    await patientPage.getByText(/played your consultation recording of .+ with Dr Call Test/i).first().waitFor();
    await patientPage.getByText(/saw your recording in a list/i).first().waitFor();
  });

  it('a second patient’s Consultation Replays is empty, and the first patient’s media link and a forged one answer 404', async () => {
    const other = await phone.newPage();
    await registerPatient(other, `Nosy${randomUUID().slice(0, 6)}`);
    await other.goto('/patient/replays');
    await other.getByText('You have no recorded consultations yet.').waitFor();
    await checkPage(other, 'replays: empty');
    for (const url of [mediaSrc, mediaSrc.replace(/replay-media\/[^/]+\//, `replay-media/${'A'.repeat(43)}/`)]) {
      const res = await other.request.get(url, { headers: { range: 'bytes=0-99' } });
      expect(res.status(), url).toBe(404);
      expect((await res.body()).includes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(false);
    }
    // The patient's own link still works for her, in her session.
    expect((await patientPage.request.get(mediaSrc, { headers: { range: 'bytes=0-99' } })).status()).toBe(206);
  });

  it('a second patient and an unassigned clinician are refused at the signalling socket', async () => {
    const other = await phone.newPage();
    await registerPatient(other, `Intruder${randomUUID().slice(0, 6)}`);
    const otherGp = await createGp(server, 'Dr Not Assigned');
    const otherGpPage = await phone.newPage();
    await signInAsStaff(otherGpPage, otherGp, '**/clinician/**');
    for (const page of [other, otherGpPage]) {
      const opened = await page.evaluate(async (id) => {
        const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/v1/consultations/${id}/signal`);
        return new Promise<boolean>((resolve) => {
          ws.onopen = () => resolve(true);
          ws.onerror = () => resolve(false);
        });
      }, consultationId);
      expect(opened).toBe(false);
    }
    await other.goto(`/patient/consultations/${consultationId}/call`);
    await other.getByRole('heading', { level: 1, name: 'Consultation not found' }).waitFor();
    const { rows } = await server.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'denied' AND resource_type = 'consultation' AND resource_id = $1`,
      [consultationId],
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
