import { randomUUID } from 'node:crypto';
import type { Role } from '@confide/domain';
import type { Page } from 'playwright-core';
import { PasswordHasher } from '../../server/src/identity/passwords';
import { currentTotpCode, newTotpSecret } from '../../server/src/identity/totp';
import type { RunningServer } from './harness';

/** A staff member enrolled in two-step verification, made directly as the clinic would. */
export interface StaffAccount {
  id: string;
  email: string;
  password: string;
  secret: string;
}

export async function createStaff(
  server: RunningServer, role: Exclude<Role, 'patient'>, displayName: string, options: { profession?: 'gp'; organisationId?: string } = {},
): Promise<StaffAccount> {
  const account = { id: randomUUID(), email: `staff.${randomUUID().slice(0, 8)}@staff.example.test`, password: 'staff passphrase for the browser', secret: newTotpSecret() };
  const hash = await new PasswordHasher({ memoryCost: 1024, timeCost: 1 }).hash(account.password);
  await server.dbs.admin.query(
    `INSERT INTO users (id, email, password_hash, role, display_name, totp_secret, totp_enrolled_at, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
    [account.id, account.email, hash, role, displayName, account.secret, options.organisationId ?? null],
  );
  await server.dbs.admin.query(`INSERT INTO staff_profiles (user_id, profession, registration_number) VALUES ($1, $2, $3)`, [
    account.id, options.profession ?? null, options.profession ? 'GMC 7000001' : null,
  ]);
  return account;
}

/** A GP, open all day every day, so "first available today" finds a time (the harness runs the clinic where it is morning). */
export async function createGp(server: RunningServer, displayName: string): Promise<StaffAccount> {
  const gp = await createStaff(server, 'clinician', displayName, { profession: 'gp' });
  await server.dbs.admin.query(
    `INSERT INTO availability_rules (clinician_user_id, appointment_type_id, weekday, start_time, end_time, valid_from)
     SELECT $1, t.id, w, '00:00', '23:59', '2026-01-01' FROM appointment_types t, generate_series(1, 7) w WHERE t.code = 'gp-video'`,
    [gp.id],
  );
  return gp;
}

export async function signInAsStaff(page: Page, account: StaffAccount, landing: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('6-digit code').fill(currentTotpCode(account.secret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
}

/** Signs up through the web app; family name "Booker". */
export async function registerPatient(page: Page, givenName: string, dateOfBirth = '1979-11-05', postcode = 'M1 1AE'): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Given name').fill(givenName);
  await page.getByLabel('Family name').fill('Booker');
  await page.getByLabel('Date of birth').fill(dateOfBirth);
  await page.getByLabel('Email address').fill(`${givenName.toLowerCase()}@example.test`);
  await page.getByLabel('Mobile number').fill('07700 900555');
  await page.getByLabel('Postcode').fill(postcode);
  await page.getByLabel('Password', { exact: true }).fill('a booking passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/patient/profile');
}

/**
 * A video consultation in progress between the patient and the GP, started ten minutes after a booking that began
 * twenty minutes ago (booked and held as the booking and call tests show), with the patient in the GP's care.
 */
export async function consultationInProgress(server: RunningServer, patientId: string, gp: StaffAccount, reason: string): Promise<string> {
  return server.dbs.admin.transaction(async (q) => {
    const a = await q.query<{ id: string }>(
      `INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, status, checked_in_at, access_route)
       SELECT $1, $2, t.id, date_trunc('minute', now()) - interval '20 minutes', date_trunc('minute', now()) - interval '10 minutes',
              $3, 'in_consultation', now(), 'private' FROM appointment_types t WHERE t.code = 'gp-video' RETURNING id`,
      [patientId, gp.id, reason],
    );
    const c = await q.query<{ id: string }>(
      `INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode) VALUES ($1, $2, $3, 'video') RETURNING id`, [a.rows[0]!.id, patientId, gp.id]);
    await q.query(`INSERT INTO care_relationships (clinician_user_id, patient_id, reason) VALUES ($1, $2, 'booked appointment') ON CONFLICT DO NOTHING`, [gp.id, patientId]);
    return c.rows[0]!.id;
  });
}
