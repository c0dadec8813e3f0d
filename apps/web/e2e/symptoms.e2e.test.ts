import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { createGp, registerPatient } from './people';

/**
 * The symptom checker at phone size: anyone describes symptoms in their own words, answers its questions and gets
 * explained advice, with nothing kept; an emergency is sent to 999 at once; a signed-in patient's check is kept,
 * leads to booking with the summary attached (only because she ticked the box), and is deleted by her; another
 * patient sees none of it.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  await createGp(server, 'Dr Triage Test');
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

/** Describes the symptoms and starts the check. */
async function describeSymptoms(page: Page, text: string, sex: 'Female' | 'Male', age?: number): Promise<void> {
  await page.getByLabel('Describe what is wrong, in your own words').fill(text);
  if (age !== undefined) await page.getByLabel('Age', { exact: true }).fill(String(age));
  await page.getByRole('radio', { name: sex, exact: true }).check();
  await page.getByRole('button', { name: 'Check my symptoms' }).click();
}

/** Answers every question with `answer` until the checker stops asking; returns how many it asked. */
async function answerUntilDone(page: Page, answer: 'No' | 'Not sure'): Promise<number> {
  const finished = page.getByText(/^(Thank you\. I have enough to go on|Thank you for answering|From what you have told me, you need help now)/);
  const button = page.getByRole('button', { name: answer, exact: true });
  for (let asked = 0; asked <= 8; asked++) {
    await finished.or(button).first().waitFor({ timeout: 15_000 });
    if (await finished.isVisible()) return asked;
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Thinking…' }).waitFor({ state: 'detached' });
  }
  throw new Error('the checker never stopped asking');
}

describe('the symptom checker', () => {
  it('anyone can check symptoms without an account: it asks, explains its advice, and keeps nothing', async () => {
    const page = await phone.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Check your symptoms' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Check your symptoms' }).waitFor();
    await page.getByText("If you think it's an emergency, call 999 now.").waitFor();
    await checkPage(page, 'symptoms: start');
    await describeSymptoms(page, 'Sore throat and a temperature for 3 days, no cough', 'Male', 24);
    await page.getByRole('log', { name: 'Your conversation' }).getByText('Sore throat and a temperature for 3 days, no cough').waitFor();
    const asked = await answerUntilDone(page, 'No');
    expect(asked).toBeGreaterThan(0);
    await page.locator('#advice-heading').waitFor();
    for (const heading of ['Why we said this', 'What it might be', 'What we understood']) await page.getByRole('heading', { level: 3, name: heading }).waitFor();
    await page.getByText(/You said you have: .*sore throat/).waitFor();
    await page.getByText(/You said you do not have: .*cough/).waitFor();
    await checkPage(page, 'symptoms: advice');
    const { rows } = await server.dbs.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM triage_sessions');
    expect(rows[0]!.n).toBe(0);
  });

  it('an emergency is sent to 999 at once, with no questions first and no booking', async () => {
    const page = await phone.newPage();
    await page.goto('/symptoms');
    await describeSymptoms(page, 'Crushing pain in my chest going down my left arm, I am sweating and feel sick', 'Male', 58);
    await expect.poll(() => page.locator('#advice-heading').textContent(), { timeout: 15_000 }).toBe('Call 999 or go to A&E now');
    expect(await page.getByRole('button', { name: 'Yes', exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Book with Confide' }).count()).toBe(0);
    await page.getByRole('heading', { level: 3, name: 'Warning signs' }).waitFor();
    await checkPage(page, 'symptoms: emergency');
  });

  it('a signed-in patient’s check is kept, leads to a booking with her summary attached, and she can delete it; another patient sees none of it', async () => {
    const page = await phone.newPage();
    await registerPatient(page, `Tamsin${randomUUID().slice(0, 6)}`);
    await page.getByRole('link', { name: 'Check symptoms' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Check your symptoms' }).waitFor();
    expect(await page.getByLabel('Age', { exact: true }).inputValue()).not.toBe(''); // from her date of birth
    await describeSymptoms(page, 'Burning when I pee and needing to go all the time since yesterday', 'Female');
    await answerUntilDone(page, 'Not sure');
    await page.getByRole('heading', { name: 'Book with Confide' }).waitFor();
    await checkPage(page, 'symptoms: patient advice');
    await page.getByLabel('Add my symptom check summary to the appointment reason').check();
    await page.getByRole('link', { name: 'Book an appointment' }).click();
    await page.waitForURL('**/patient/book**');
    await page.getByText('From your symptom check:', { exact: false }).waitFor();
    // The handoff opens the booking page with times for the suggested profession, or none yet: wait for either.
    const firstTime = page.getByRole('main').getByRole('button', { name: /Dr Triage Test/ }).first();
    await firstTime.or(page.getByText(/No times are free/)).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    if (!(await firstTime.isVisible())) await page.getByRole('button', { name: 'First available today' }).click();
    await firstTime.click();
    const reason = await page.getByLabel('Reason for your appointment').inputValue();
    expect(reason).toMatch(/^Symptom checker: /);
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('Your appointment is booked').waitFor();
    const booked = await server.dbs.admin.query<{ reason: string }>(`SELECT reason FROM appointments ORDER BY created_at DESC LIMIT 1`);
    expect(booked.rows[0]!.reason).toBe(reason);

    const { rows } = await server.dbs.admin.query<{ id: string }>('SELECT id FROM triage_sessions');
    expect(rows).toHaveLength(1);
    const sessionId = rows[0]!.id;

    // Another patient: no checks of hers, and the first patient's check is not found (page and API).
    const other = await phone.newPage();
    await registerPatient(other, `Oswin${randomUUID().slice(0, 6)}`);
    await other.goto('/patient/symptoms');
    await other.getByText('You have no symptom checks yet.').waitFor();
    await other.goto(`/patient/symptoms/${sessionId}`);
    await other.getByRole('heading', { level: 1, name: 'Symptom check not found' }).waitFor();
    const res = await other.request.get(`/api/v1/me/triage-sessions/${sessionId}`);
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain('pee');

    await page.goto('/patient/symptoms');
    await page.getByRole('heading', { name: 'Your previous symptom checks' }).waitFor();
    await checkPage(page, 'symptoms: the patient’s checks');
    await page.getByRole('link', { name: /^Delete symptom check from / }).click();
    await page.getByRole('heading', { level: 1, name: 'Delete this symptom check?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('Your symptom check has been deleted.').waitFor();
    expect((await server.dbs.admin.query('SELECT 1 FROM triage_sessions')).rows).toHaveLength(0);
  });
});
