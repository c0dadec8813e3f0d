import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../server/src/identity/passwords';
import { currentTotpCode, newTotpSecret } from '../../server/src/identity/totp';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';

/**
 * The web app as people use it, in Chromium at phone size (360 x 740): a new patient registers, signs in, sees
 * their empty profile and signs out; a second patient sees nothing of the first; staff sign in with a second
 * factor or enrol one. axe-core checks every page; none may scroll sideways.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

const newPage = () => phone.newPage();


interface Person {
  givenName: string;
  familyName: string;
  email: string;
  password: string;
}

function person(tag: string): Person {
  const id = randomUUID().slice(0, 8);
  return { givenName: `Robin${tag}${id}`, familyName: `Ashdown${tag}${id}`, email: `robin.${tag}.${id}@example.test`, password: 'a long and private passphrase' };
}

async function register(page: Page, p: Person): Promise<void> {
  await page.goto('/');
  await checkPage(page, 'home');
  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Create an account');
  await checkPage(page, 'sign up');
  // Submitting empty shows an error summary linked to the fields.
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
  await checkPage(page, 'sign up with errors');
  await page.getByLabel('Given name').fill(p.givenName);
  await page.getByLabel('Family name').fill(p.familyName);
  await page.getByLabel('Date of birth').fill('1988-02-29');
  await page.getByLabel('Email address').fill(p.email);
  await page.getByLabel('Mobile number').fill('07700 900321');
  await page.getByLabel('Postcode').fill('ls1 4ap');
  await page.getByLabel('NHS number (optional)').fill('943 476 5919');
  await page.getByLabel('Password', { exact: true }).fill(p.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/patient/profile');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your profile');
}

describe('patients in the browser', () => {
  const first = person('first');

  it('a new patient registers, sees their own empty profile, signs out, and signs back in', async () => {
    const page = await newPage();
    await register(page, first);
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain(first.givenName);
    await expect.poll(() => page.getByLabel('Postcode').inputValue()).toBe('LS1 4AP');
    await page.getByRole('heading', { name: 'Who has accessed your data' }).waitFor();
    await checkPage(page, 'patient profile');

    // The session cookie is HttpOnly: scripts on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('confide_session');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByText('You have signed out.').waitFor();
    await checkPage(page, 'sign in');
    // Signed out means signed out: the profile now sends you to sign in.
    await page.goto('/patient/profile');
    await page.waitForURL('**/sign-in**');

    await page.getByLabel('Email address').fill(first.email);
    await page.getByLabel('Password', { exact: true }).fill(first.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/patient/profile');
    await expect.poll(() => page.getByRole('main').textContent()).toContain(first.familyName);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
  });

  it('a second patient sees nothing of the first, in the app or through the API', async () => {
    const second = person('second');
    const page = await newPage();
    await register(page, second);
    await page.getByRole('heading', { name: 'Who has accessed your data' }).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(second.givenName);
    for (const marker of [first.givenName, first.familyName, first.email]) expect(text).not.toContain(marker);

    const { rows } = await server.dbs.admin.query<{ id: string }>('SELECT p.id FROM patients p JOIN users u ON u.id = p.user_id WHERE u.email = $1', [first.email]);
    const firstId = rows[0]!.id;
    const api = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/patients/${id}`);
      return { status: res.status, body: await res.text() };
    }, firstId);
    expect(api.status).toBe(404);
    expect(api.body).not.toContain(first.email);
    await page.goto(`/clinician/patients/${firstId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await checkPage(page, 'not found');
  });

  it('forgotten password page is accessible and answers the same for any address', async () => {
    const page = await newPage();
    await page.goto('/forgot-password');
    await checkPage(page, 'forgot password');
    await page.getByLabel('Email address').fill('nobody-at-all@example.test');
    await page.getByRole('button', { name: /reset|send/i }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await checkPage(page, 'reset sent');
  });
});

async function createStaffAccount(role: 'clinician' | 'clinic_admin', enrolled: boolean): Promise<{ email: string; password: string; secret: string }> {
  const id = randomUUID();
  const email = `${role}.${id.slice(0, 8)}@staff.example.test`;
  const password = 'staff passphrase for the browser';
  const secret = newTotpSecret();
  const hash = await new PasswordHasher({ memoryCost: 1024, timeCost: 1 }).hash(password);
  await server.dbs.admin.query(
    `INSERT INTO users (id, email, password_hash, role, display_name, totp_secret, totp_enrolled_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN now() END)`,
    [id, email, hash, role, role === 'clinician' ? 'Dr Browser Test' : 'Admin Browser Test', enrolled ? secret : null, enrolled],
  );
  await server.dbs.admin.query('INSERT INTO staff_profiles (user_id, profession, registration_number) VALUES ($1, $2, $3)', [
    id, role === 'clinician' ? 'gp' : null, role === 'clinician' ? 'GMC 7654321' : null,
  ]);
  return { email, password, secret };
}

describe('staff in the browser', () => {
  it('an enrolled clinic admin signs in with a 6-digit code and uses every admin page', async () => {
    const admin = await createStaffAccount('clinic_admin', true);
    const page = await newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').waitFor();
    await checkPage(page, 'sign in code step');
    await page.getByLabel('6-digit code').fill(currentTotpCode(admin.secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/**');
    await checkPage(page, 'admin profile');
    for (const path of ['/admin/staff', '/admin/audit', '/admin/outbox']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await checkPage(page, path);
    }
    await page.goto('/admin/audit');
    await page.getByRole('button', { name: /check/i }).click();
    await page.getByText(/intact|unbroken/i).first().waitFor();
  });

  it('staff without a second factor can only set one up, then get in', async () => {
    const gp = await createStaffAccount('clinician', false);
    const page = await newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(gp.email);
    await page.getByLabel('Password', { exact: true }).fill(gp.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/two-step-verification');
    await page.getByRole('img', { name: /^QR code/ }).waitFor();
    await checkPage(page, 'two-step setup');
    const { rows } = await server.dbs.admin.query<{ s: string }>('SELECT totp_pending_secret AS s FROM users WHERE email = $1', [gp.email]);
    await page.getByLabel('6-digit code').fill(currentTotpCode(rows[0]!.s));
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await page.waitForURL('**/clinician/**');
    await page.getByRole('heading', { name: /patients in your care/i }).waitFor();
    await checkPage(page, 'clinician profile');
  });
});
