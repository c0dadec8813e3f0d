import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { createGp, createStaff, registerPatient, signInAsStaff, type StaffAccount } from './people';

/**
 * A partner member, end to end at phone size: the partner admin uploads the member list; a member signs up, links
 * their membership, books the first available GP time today through it and gets a confirmation with a valid
 * calendar file; they check in and the GP sees them waiting. The partner sees only a withheld count; a second
 * patient can neither see nor change the appointment.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
let gp: StaffAccount;
let partnerAdmin: StaffAccount;
/** The partner admin's page, kept signed in (a second sign-in within 30 s would reuse a one-time code). */
let partnerPage: Page;
const partnerId = randomUUID();
const PARTNER = 'Northwind Mutual';
const member = { number: `NW-${randomUUID().slice(0, 6).toUpperCase()}`, givenName: `Perpetua${randomUUID().slice(0, 6)}`, dateOfBirth: '1983-07-21' };
const reason = `Ear pain since the weekend ${randomUUID().slice(0, 4)}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  gp = await createGp(server, 'Dr Partner GP');
  // The partner and its plans, as the clinic sets them up.
  await server.dbs.admin.query(`INSERT INTO organisations (id, kind, name, partner_type) VALUES ($1, 'partner', $2, 'employer')`, [partnerId, PARTNER]);
  await server.dbs.admin.query(`INSERT INTO partner_plans (partner_org_id, code, name) VALUES ($1, 'staff', 'Staff')`, [partnerId]);
  await server.dbs.admin.query(
    `INSERT INTO partner_plan_coverage (plan_id, appointment_type_id) SELECT p.id, t.id FROM partner_plans p, appointment_types t WHERE p.partner_org_id = $1 AND t.profession = 'gp'`,
    [partnerId],
  );
  partnerAdmin = await createStaff(server, 'partner_admin', 'Nadia Partner', { organisationId: partnerId });
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

describe('a partner member books, checks in and is seen', () => {
  it('the partner admin uploads the member list as CSV', async () => {
    const page = await phone.newPage();
    partnerPage = page;
    await signInAsStaff(page, partnerAdmin, '**/partner/**');
    await page.getByRole('link', { name: 'Members' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Your members' }).waitFor();
    await checkPage(page, 'partner members');
    const csv = `member_number,given_name,family_name,date_of_birth,plan\n${member.number},${member.givenName},Booker,${member.dateOfBirth},staff\nNW-OTHER,Someone,Else,1970-01-01,staff\n`;
    await page.getByLabel('Member list (CSV file)').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload member list' }).click();
    await page.getByText('Member list loaded: 2 added, 0 updated, 0 removed, 0 unchanged.').waitFor();
    await page.getByRole('button', { name: `Remove ${member.number}` }).waitFor();
    await checkPage(page, 'member list loaded');
  });

  it('the member signs up, links the membership and books the first available GP time today through it', async () => {
    const page = await phone.newPage();
    await registerPatient(page, member.givenName, member.dateOfBirth);
    await page.getByRole('link', { name: 'NHS and memberships' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'NHS and memberships' }).waitFor();
    await checkPage(page, 'nhs and memberships');
    await page.getByLabel('Insurer or employer').selectOption({ label: PARTNER });
    await page.getByLabel('Member number').fill(member.number);
    await page.getByLabel('Date of birth').fill(member.dateOfBirth);
    await page.getByRole('button', { name: 'Add membership' }).click();
    await page.getByText(`Membership added: ${PARTNER} Staff plan.`).waitFor();
    await checkPage(page, 'membership added');

    await page.getByRole('link', { name: 'Book' }).first().click();
    await page.waitForURL('**/patient/book**');
    await page.getByRole('button', { name: 'First available today' }).click();
    const firstTime = page.getByRole('main').getByRole('button', { name: /Dr Partner GP/ }).first();
    await firstTime.waitFor();
    await firstTime.click();
    await page.getByLabel('Reason for your appointment').fill(reason);
    const covered = page.getByRole('radio', { name: `${PARTNER}, Staff plan (covered)` });
    await covered.waitFor();
    expect(await covered.isChecked()).toBe(true);
    await checkPage(page, 'confirm with cover');
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('Your appointment is booked').waitFor();
    expect(await page.getByRole('main').textContent()).toContain(`${PARTNER} membership`);
    await checkPage(page, 'booked through partner');

    // The confirmation email is in the outbox with a calendar file that parses, for the booked time, and nothing clinical.
    const { rows } = await server.dbs.admin.query<{ attachment: string; body: string; starts_at: Date; route: string }>(
      `SELECT o.attachment, o.body, a.starts_at, a.access_route AS route FROM outbox_messages o JOIN appointments a ON a.id = o.appointment_id
       WHERE a.reason = $1 AND o.kind = 'confirmation' AND o.channel = 'email'`,
      [reason],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.route).toBe('partner');
    const calendar = new ICAL.Component(ICAL.parse(rows[0]!.attachment));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().getTime()).toBe(rows[0]!.starts_at.getTime());
    expect(rows[0]!.attachment + rows[0]!.body).not.toContain(reason);

    // Check in (the first available time is at most ten minutes away, so the waiting room is open).
    await page.getByRole('main').getByRole('link', { name: 'Your appointments' }).click();
    await page.getByRole('link', { name: /^Check in for your appointment on / }).click();
    await page.waitForURL('**/check-in');
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page.getByText('Camera working').waitFor();
    await page.getByRole('button', { name: 'Check in now' }).click();
    await page.getByRole('status').filter({ hasText: "You're checked in. Your clinician will let you in shortly." }).waitFor();
  });

  it('the GP sees the member waiting', async () => {
    const page = await phone.newPage();
    await signInAsStaff(page, gp, '**/clinician/**');
    await page.goto('/clinician/day');
    await page.getByRole('status').filter({ hasText: '1 patient waiting' }).waitFor();
    await page.getByRole('button', { name: `Admit ${member.givenName} Booker` }).waitFor();
    await checkPage(page, 'gp waiting room');
  });

  it('a second patient can neither see nor change the appointment', async () => {
    const page = await phone.newPage();
    await registerPatient(page, `Intruder${randomUUID().slice(0, 6)}`);
    const { rows } = await server.dbs.admin.query<{ id: string }>('SELECT id FROM appointments WHERE reason = $1', [reason]);
    const id = rows[0]!.id;
    const api = await page.evaluate(async (appointmentId) => {
      const csrf = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf.csrfToken };
      const get = await fetch(`/api/v1/appointments/${appointmentId}`);
      const cancel = await fetch(`/api/v1/appointments/${appointmentId}/cancel`, { method: 'POST', headers, body: '{}' });
      const checkIn = await fetch(`/api/v1/appointments/${appointmentId}/check-in`, { method: 'POST', headers, body: '{}' });
      return { statuses: [get.status, cancel.status, checkIn.status], bodies: (await get.text()) + (await cancel.text()) };
    }, id);
    expect(api.statuses).toEqual([404, 404, 404]);
    expect(api.bodies).not.toContain(reason);
    await page.goto('/patient/appointments');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').textContent()).not.toContain(member.givenName);
    const status = await server.dbs.admin.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]);
    expect(status.rows[0]!.status).toBe('checked_in');
  });

  it('the partner sees usage as a withheld count, never who', async () => {
    const page = partnerPage;
    await page.getByRole('link', { name: 'Usage' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    await page.getByRole('cell', { name: 'Fewer than 5' }).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('GP appointment');
    expect(text).not.toContain(reason);
    expect(text).not.toContain('Dr Partner GP');
    await checkPage(page, 'partner usage');
  });
});
