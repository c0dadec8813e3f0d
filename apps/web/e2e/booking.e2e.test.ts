import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicTimeLabel } from '@confide/domain';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { createGp, registerPatient, signInAsStaff, type StaffAccount } from './people';

/**
 * Booking in the browser at phone size: a patient books the first available GP time today with a reason and sees
 * it in their appointments; the GP sees the patient and the reason on their day; a second patient sees nothing of it.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
let gp: StaffAccount;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  gp = await createGp(server, 'Dr Browser GP');
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

const newPage = () => phone.newPage();

describe('booking in the browser', () => {
  const patientName = `Morwenna${randomUUID().slice(0, 6)}`;
  const reason = `Sore throat and a temperature for three days ${randomUUID().slice(0, 4)}`;

  it('a patient books the first available GP time today and sees it in their appointments', async () => {
    const page = await newPage();
    await registerPatient(page, patientName);
    await page.getByRole('link', { name: 'Book' }).first().click();
    await page.waitForURL('**/patient/book**');
    await checkPage(page, 'book');
    await page.getByRole('button', { name: 'First available today' }).click();
    const firstTime = page.getByRole('main').getByRole('button', { name: /Dr Browser GP/ }).first();
    await firstTime.waitFor();
    // Times are the clinic's, as the server keeps them, not the browser's.
    expect(await page.getByRole('main').textContent()).toContain(`Times are ${clinicTimeLabel(server.config.clinicTimeZone)}.`);
    await checkPage(page, 'times');
    await firstTime.click();
    await page.getByLabel('Reason for your appointment').fill(reason);
    await checkPage(page, 'confirm booking');
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('Your appointment is booked').waitFor();
    await checkPage(page, 'booked');
    await page.getByRole('main').getByRole('link', { name: 'Your appointments' }).click();
    await page.waitForURL('**/patient/appointments**');
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Dr Browser GP');
    await checkPage(page, 'your appointments');
  });

  it('the GP signs in and sees the patient and their reason on today’s list', async () => {
    const page = await newPage();
    await signInAsStaff(page, gp, '**/clinician/**');
    await page.getByRole('link', { name: 'Your day' }).first().click();
    await page.waitForURL('**/clinician/day**');
    await page.getByRole('heading', { level: 1, name: 'Your day' }).waitFor();
    // The profile page (still shown for a moment after the address changes) lists the patient too: wait for the reason.
    await expect.poll(() => page.getByRole('main').textContent()).toContain(reason);
    expect(await page.getByRole('main').textContent()).toContain(patientName);
    await checkPage(page, 'clinician day');
    await page.getByRole('link', { name: 'Availability' }).first().click();
    await page.waitForURL('**/clinician/availability**');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await checkPage(page, 'availability');
  });

  it('a second patient sees nothing of the first patient’s appointment, in the app or through the API', async () => {
    const page = await newPage();
    await registerPatient(page, `Other${randomUUID().slice(0, 6)}`);
    await page.goto('/patient/appointments');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(reason);
    expect(text).not.toContain(patientName);
    const { rows } = await server.dbs.admin.query<{ id: string }>('SELECT id FROM appointments WHERE reason = $1', [reason]);
    const id = rows[0]!.id;
    const api = await page.evaluate(async (appointmentId) => {
      const get = await fetch(`/api/v1/appointments/${appointmentId}`);
      return { status: get.status, body: await get.text() };
    }, id);
    expect(api.status).toBe(404);
    expect(api.body).not.toContain(reason);
  });
});

describe('waiting room in the browser', () => {
  it('a patient checks their camera and microphone and checks in; the GP sees them waiting and admits them; the patient is told', async () => {
    const waitingGp = await createGp(server, 'Dr Waiting Room');
    const givenName = `Wendell${randomUUID().slice(0, 6)}`;
    const patientPage = await newPage();
    await registerPatient(patientPage, givenName);
    // An appointment starting in five minutes, so check-in is open now.
    const { rows } = await server.dbs.admin.query<{ id: string; gp: string }>(
      `WITH p AS (SELECT p.id FROM patients p WHERE p.given_name = $1), g AS (SELECT id FROM users WHERE email = $2)
       INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason)
       SELECT p.id, g.id, t.id, date_trunc('minute', now()) + interval '5 minutes', date_trunc('minute', now()) + interval '15 minutes', 'Wheezing at night'
       FROM p, g, appointment_types t WHERE t.code = 'gp-video' RETURNING id, clinician_user_id AS gp`,
      [givenName, waitingGp.email],
    );
    await server.dbs.admin.query(
      `INSERT INTO care_relationships (clinician_user_id, patient_id, reason) SELECT $1, patient_id, 'test' FROM appointments WHERE id = $2`,
      [rows[0]!.gp, rows[0]!.id],
    );

    await patientPage.goto('/patient/appointments');
    await patientPage.getByRole('link', { name: /^Check in for your appointment on / }).click();
    await patientPage.waitForURL('**/check-in');
    await checkPage(patientPage, 'check in');
    await patientPage.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await patientPage.getByText('Camera working').waitFor();
    await patientPage.getByRole('meter', { name: 'Microphone sound level' }).waitFor();
    await checkPage(patientPage, 'device check');
    await patientPage.getByRole('button', { name: 'Check in now' }).click();
    await patientPage.getByRole('status').filter({ hasText: "You're checked in. Your clinician will let you in shortly." }).waitFor();
    await checkPage(patientPage, 'waiting');

    const gpPage = await newPage();
    await signInAsStaff(gpPage, waitingGp, '**/clinician/**');
    await gpPage.goto('/clinician/day');
    await gpPage.getByRole('heading', { name: 'Waiting room' }).waitFor();
    await gpPage.getByRole('status').filter({ hasText: '1 patient waiting' }).waitFor();
    await checkPage(gpPage, 'waiting room');
    await gpPage.getByRole('button', { name: `Admit ${givenName} Booker` }).click();
    await gpPage.getByText(`${givenName} Booker admitted. The consultation has started.`).waitFor();

    await patientPage.getByRole('heading', { name: 'Your clinician is ready' }).waitFor({ timeout: 15_000 });
    const { rows: consultations } = await server.dbs.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM consultations WHERE appointment_id = $1', [rows[0]!.id]);
    expect(consultations[0]!.n).toBe(1);
  });
});
