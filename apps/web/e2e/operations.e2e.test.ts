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
});
