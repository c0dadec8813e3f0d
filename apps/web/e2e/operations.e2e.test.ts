import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { createStaff, registerPatient, signInAsStaff, type StaffAccount } from './people';

/**
 * A clinic admin at phone size: switches booking off for everyone (a patient is told it is unavailable) and on again;
 * sees the open-incident banner on every admin page, reviews the incident and closes it.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
let admin: StaffAccount;
let adminPage: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  admin = await createStaff(server, 'clinic_admin', 'Ops Admin');
  adminPage = await phone.newPage();
  await signInAsStaff(adminPage, admin, '**/admin/**');
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

describe('service switches and incidents', () => {
  it('the admin switches booking off; a patient is told booking is unavailable; then it is switched on again', async () => {
    await adminPage.getByRole('link', { name: 'Service switches' }).first().click();
    await adminPage.getByRole('heading', { level: 1, name: 'Service switches' }).waitFor();
    const booking = adminPage.getByRole('article', { name: 'Booking' });
    await booking.getByLabel('Reason for turning Booking off').fill('Clinic system maintenance');
    await booking.getByRole('button', { name: 'Turn Booking off' }).click();
    await adminPage.getByText('Booking is now off.').waitFor();
    await checkPage(adminPage, 'service switches');

    const patient = await phone.newPage();
    await registerPatient(patient, `Switch${randomUUID().slice(0, 6)}`);
    await patient.goto('/patient/book');
    await patient.getByText('Booking is temporarily unavailable. Please try again later.').waitFor();
    expect(await patient.getByRole('button', { name: 'First available today' }).count()).toBe(0);
    await checkPage(patient, 'booking unavailable');

    await booking.getByLabel('Reason for turning Booking on').fill('Maintenance finished');
    await booking.getByRole('button', { name: 'Turn Booking on' }).click();
    await adminPage.getByText('Booking is now on.').waitFor();
    await patient.reload();
    await patient.getByRole('button', { name: 'First available today' }).waitFor();
  });

  it('an open incident shows a banner on every admin page until the admin closes it', async () => {
    const patientId = (await server.dbs.admin.query<{ id: string }>('SELECT id FROM patients LIMIT 1')).rows[0]!.id;
    await server.dbs.admin.query(
      `SELECT incident_open(NULL, 'Someone', 'patient', NULL, 'req-1', 'GET /api/v1/me/replays', $1::jsonb, ARRAY[$2::uuid], 'Confide incident', 'Review {incident}')`,
      [JSON.stringify([{ type: 'consultation', id: randomUUID(), patientId }]), patientId],
    );
    await adminPage.goto('/admin/staff');
    const banner = adminPage.getByRole('alert').filter({ hasText: 'There is 1 open incident' });
    await banner.waitFor({ timeout: 10_000 });
    await banner.getByRole('link', { name: 'Review incidents' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    const card = adminPage.getByRole('article').filter({ hasText: 'Possible cross-patient exposure (blocked)' });
    await card.getByText('Nothing was served (0 bytes)').waitFor();
    expect(await card.textContent()).toContain(patientId);
    await checkPage(adminPage, 'incidents');
    await card.getByLabel('Resolution').fill('Checked: a test fixture, no data was served.');
    await card.getByRole('button', { name: 'Close incident' }).click();
    await adminPage.getByText('Incident closed.').waitFor();
    await expect.poll(() => adminPage.getByRole('alert').filter({ hasText: 'open incident' }).count()).toBe(0);
  });

  it('break-glass: the admin declares a reason and sees the recordings; the patient sees emergency access with the reason', async () => {
    const patient = await phone.newPage();
    const givenName = `Glass${randomUUID().slice(0, 6)}`;
    await registerPatient(patient, givenName);
    const gp = await createStaff(server, 'clinician', 'Dr Recorded', { profession: 'gp' });
    const { rows } = await server.dbs.admin.query<{ id: string; patient_id: string }>(
      `WITH a AS (
         INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, status, access_route)
         SELECT p.id, $2, t.id, now() - interval '2 hours', now() - interval '110 minutes', 'Back pain', 'completed', 'private'
         FROM patients p, appointment_types t WHERE p.given_name = $1 AND t.code = 'gp-video' RETURNING id, patient_id, clinician_user_id)
       INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode, ended_at) SELECT id, patient_id, clinician_user_id, 'video', now() - interval '110 minutes' FROM a
       RETURNING id, patient_id`,
      [givenName, gp.id],
    );
    const { id: consultationId, patient_id: patientId } = rows[0]!;
    await server.dbs.admin.query(
      `INSERT INTO recording_segments (id, consultation_id, patient_id, clinician_user_id, participant, seq, has_audio, has_video, started_at, ended_at, blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes)
       VALUES (gen_random_uuid(), $1, $2, $3, 'clinician', 0, true, true, now() - interval '2 hours', now() - interval '2 hours' + interval '270 seconds', 'seg-' || gen_random_uuid(), 'w', 'k', 1, 1)`,
      [consultationId, patientId, gp.id],
    );

    await adminPage.getByRole('link', { name: 'Emergency access' }).first().click();
    await adminPage.getByRole('heading', { level: 1, name: 'Emergency access to recordings' }).waitFor();
    await checkPage(adminPage, 'emergency access');
    await adminPage.getByLabel('Patient ID').fill(patientId);
    await adminPage.getByLabel('Reason').fill('Complaint investigation, ref C-2026-114');
    await adminPage.getByRole('button', { name: 'Open recordings for 30 minutes' }).click();
    await adminPage.getByText('Emergency access granted until', { exact: false }).waitFor();
    const table = adminPage.getByRole('table', { name: 'Recordings, newest first' });
    await table.getByText('4 min 30 s').waitFor();
    expect(await table.textContent()).toContain('Dr Recorded');
    await checkPage(adminPage, 'emergency access granted');

    await patient.goto('/patient/profile');
    await patient.getByRole('heading', { name: 'Who has accessed your data' }).waitFor();
    await patient.getByText('Reason given: Complaint investigation, ref C-2026-114').waitFor();
    expect(await patient.getByText('Emergency access').count()).toBeGreaterThan(0);
    await checkPage(patient, 'access history with emergency access');
  });
});
