import { API, CSRF_HEADER, type Prescription } from '@confide/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../server/src/identity/totp';
import { demoDirectoryCsv, loadDirectory } from '../../server/src/seed/demo-directory';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { consultationInProgress, createGp, createStaff, registerPatient, signInAsStaff, type StaffAccount } from './people';

/**
 * Prescribers' signing keys at phone size: the GP replaces their key with a fresh authenticator code (what the old
 * key signed still verifies); the clinic admin revokes the old key, giving a reason, and is told that one prescription
 * it signed can no longer be dispensed; the pharmacy is told not to dispense it, the GP sees it is invalid, and the
 * patient is told it must be issued again.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
let gp: StaffAccount;
let admin: StaffAccount;
let pharmacist: StaffAccount;

const pharmacyId = async (ods: string) =>
  (await server.dbs.admin.query<{ id: string }>('SELECT id FROM organisations WHERE ods_code = $1', [ods])).rows[0]!.id;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  await loadDirectory(server.dbs.admin, demoDirectoryCsv());
  gp = await createGp(server, 'Dr Key Holder');
  admin = await createStaff(server, 'clinic_admin', 'Keys Admin');
  pharmacist = await createStaff(server, 'pharmacist', 'Pat Pharmacist', { organisationId: await pharmacyId('FA001') });
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

/** Posts as whoever is signed in on the page, with the session's CSRF token, as the web app would. */
async function postAs<T>(page: Page, path: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ sessionPath, csrfHeader, path, body }) => {
      const session = (await (await fetch(sessionPath)).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [csrfHeader]: session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    { sessionPath: API.session, csrfHeader: CSRF_HEADER, path, body },
  );
}

/** A patient who has nominated the demo pharmacy FA001, in a consultation with the GP now. */
async function patientInConsultation(page: Page): Promise<string> {
  await registerPatient(page, 'Keira', '1984-03-12', 'SE1 8XX');
  const patientId = (await server.dbs.admin.query<{ id: string }>(`SELECT id FROM patients WHERE email = 'keira@example.test'`)).rows[0]!.id;
  await server.dbs.admin.query('INSERT INTO pharmacy_nominations (patient_id, pharmacy_id) VALUES ($1, $2)', [patientId, await pharmacyId('FA001')]);
  return consultationInProgress(server, patientId, gp, 'High blood pressure');
}

describe('prescribers’ signing keys', () => {
  it('the GP replaces their key; the admin revokes the old one; its undispensed prescription can no longer be dispensed', async () => {
    const patient = await phone.newPage();
    const consultationId = await patientInConsultation(patient);

    // The GP signs in (the code is fresh) and issues a prescription, which makes their first key.
    const doctor = await phone.newPage();
    await signInAsStaff(doctor, gp, '**/clinician/**');
    const issued = await postAs<Prescription>(doctor, API.consultationPrescriptions(consultationId), {
      medicineId: 'ramipril-5mg-capsule', dosesPerTime: 1, timesPerDay: 1, durationDays: 28, quantity: 28, instructions: 'One a day', overrides: [],
    });
    expect(issued.status).toBe(201);
    const prescription = issued.body;

    // The GP sees the key in use, and replaces it: the code is older than 5 minutes now, so it is asked for.
    await doctor.getByRole('link', { name: 'Signing key', exact: true }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Signing key' }).waitFor();
    const inUse = doctor.getByRole('region', { name: 'Your key in use' });
    await inUse.getByText('Created', { exact: true }).waitFor();
    await doctor.getByText('You have no earlier keys.').waitFor();
    await checkPage(doctor, 'clinician: signing key');
    await server.dbs.admin.query(`UPDATE sessions SET second_factor_at = now() - interval '6 minutes' WHERE user_id = $1`, [gp.id]);
    await doctor.getByRole('button', { name: 'Replace signing key' }).click();
    await doctor.getByLabel('Authenticator code').fill(currentTotpCode(gp.secret, Date.now() + 30_000));
    await checkPage(doctor, 'clinician: second factor to replace the key');
    await doctor.getByRole('button', { name: 'Confirm and replace key' }).click();
    await doctor.getByText('Your new signing key is in use. Prescriptions you signed before still verify.').waitFor();
    const earlier = doctor.getByRole('table', { name: 'Your earlier signing keys, newest first' });
    await expect.poll(() => earlier.getByRole('row').count()).toBe(2); // The headings, and the old key.
    expect(await earlier.getByRole('cell', { name: 'No', exact: true }).count()).toBe(1);
    await checkPage(doctor, 'clinician: signing key replaced');

    // The clinic admin revokes the old (replaced) key: a reason is needed, and they are told what it means.
    const adminPage = await phone.newPage();
    await signInAsStaff(adminPage, admin, '**/admin/**');
    await adminPage.getByRole('link', { name: 'Signing keys', exact: true }).first().click();
    await adminPage.getByRole('heading', { level: 1, name: 'Signing keys' }).waitFor();
    const keys = adminPage.getByRole('region', { name: 'Dr Key Holder' });
    await expect.poll(() => keys.getByRole('listitem').count()).toBe(2);
    await keys.getByText('In use', { exact: true }).waitFor();
    await checkPage(adminPage, 'admin: signing keys');
    const oldKey = keys.getByRole('listitem').filter({ hasText: 'Replaced on' });
    await oldKey.getByRole('button', { name: /^Revoke Dr Key Holder’s key created .+, fingerprint / }).click();
    await oldKey.getByRole('button', { name: 'Revoke key' }).click();
    const reason = oldKey.getByLabel('Why are you revoking this key?');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await oldKey.getByText('Say why the key is revoked (it is recorded).').first().waitFor();
    await checkPage(adminPage, 'admin: revoking a key without a reason');
    await reason.fill('Laptop stolen from the surgery');
    await oldKey.getByRole('button', { name: 'Revoke key' }).click();
    await adminPage
      .getByText(
        'Dr Key Holder’s key is revoked. 1 prescription it signed that was not yet dispensed can no longer be dispensed: Dr Key Holder must issue it again.',
      )
      .waitFor();
    await keys.getByText('Laptop stolen from the surgery', { exact: false }).waitFor();
    expect(await keys.getByRole('button', { name: /^Revoke / }).count()).toBe(1); // Only the key in use is left to revoke.
    await checkPage(adminPage, 'admin: key revoked');

    // The pharmacy is told not to dispense the prescription the old key signed.
    const pharmacy = await phone.newPage();
    await signInAsStaff(pharmacy, pharmacist, '**/pharmacist/**');
    await pharmacy.goto('/pharmacist/prescriptions');
    await pharmacy.getByText('Do not dispense: to be issued again').waitFor();
    await pharmacy.goto(`/pharmacist/prescriptions/${prescription.id}`);
    await pharmacy.getByRole('heading', { name: 'Signature invalid — do not dispense' }).waitFor();
    await pharmacy.getByText('revoked', { exact: false }).first().waitFor();

    // The GP sees it is invalid among the consultation's prescriptions.
    await doctor.goto(`/clinician/consultations/${consultationId}/prescribe`);
    await doctor.getByText('Signature invalid:', { exact: true }).waitFor();
    expect(await doctor.getByText('The prescriber’s signing key has been revoked.', { exact: false }).count()).toBe(1);

    // The patient is told plainly that it must be issued again.
    await patient.goto('/patient/prescriptions');
    await patient.getByText('Cannot be dispensed yet: Dr Key Holder needs to issue it again').waitFor();
    await checkPage(patient, 'patient: a prescription to be issued again');
  });
});
