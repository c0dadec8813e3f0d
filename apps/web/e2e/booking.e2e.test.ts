import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../server/src/identity/passwords';
import { currentTotpCode, newTotpSecret } from '../../server/src/identity/totp';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';

/**
 * Booking in the browser at phone size: a patient books the first available GP time today with a reason and sees
 * it in their appointments; the GP sees the patient and the reason on their day; a second patient sees nothing of it.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
const gp = { email: `gp.${randomUUID().slice(0, 8)}@staff.example.test`, password: 'gp passphrase for the browser', secret: newTotpSecret() };

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  const id = randomUUID();
  const hash = await new PasswordHasher({ memoryCost: 1024, timeCost: 1 }).hash(gp.password);
  await server.dbs.admin.query(
    `INSERT INTO users (id, email, password_hash, role, display_name, totp_secret, totp_enrolled_at) VALUES ($1, $2, $3, 'clinician', 'Dr Browser GP', $4, now())`,
    [id, gp.email, hash, gp.secret],
  );
  await server.dbs.admin.query(`INSERT INTO staff_profiles (user_id, profession, registration_number) VALUES ($1, 'gp', 'GMC 7000001')`, [id]);
  // Open all day, every day, so "first available today" finds a time whenever the test runs (until 23:40 London).
  await server.dbs.admin.query(
    `INSERT INTO availability_rules (clinician_user_id, appointment_type_id, weekday, start_time, end_time, valid_from)
     SELECT $1, t.id, w, '00:00', '23:59', '2026-01-01' FROM appointment_types t, generate_series(1, 7) w WHERE t.code = 'gp-video'`,
    [id],
  );
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

const newPage = () => phone.newPage();


async function registerPatient(page: Page, givenName: string): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Given name').fill(givenName);
  await page.getByLabel('Family name').fill('Booker');
  await page.getByLabel('Date of birth').fill('1979-11-05');
  await page.getByLabel('Email address').fill(`${givenName.toLowerCase()}@example.test`);
  await page.getByLabel('Mobile number').fill('07700 900555');
  await page.getByLabel('Postcode').fill('M1 1AE');
  await page.getByLabel('Password', { exact: true }).fill('a booking passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/patient/profile');
}

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
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(gp.email);
    await page.getByLabel('Password', { exact: true }).fill(gp.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').fill(currentTotpCode(gp.secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/clinician/**');
    await page.getByRole('link', { name: 'Your day' }).first().click();
    await page.waitForURL('**/clinician/day**');
    await expect.poll(() => page.getByRole('main').textContent()).toContain(patientName);
    expect(await page.getByRole('main').textContent()).toContain(reason);
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
