import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../server/src/identity/totp';
import { demoDirectoryCsv, loadDirectory } from '../../server/src/seed/demo-directory';
import { checkPage, launchChromium, PhoneBrowser, startServer, type RunningServer } from './harness';
import { consultationInProgress, createGp, createStaff, registerPatient, signInAsStaff, type StaffAccount } from './people';

/**
 * E-prescribing end to end, at phone size: the patient nominates the pharmacy nearest her postcode; the GP records her
 * penicillin allergy, is warned when prescribing amoxicillin, prescribes an alternative and signs it with a fresh
 * second factor; her pharmacy verifies the signature and dispenses; she sees "ready to collect"; another pharmacy
 * sees nothing of it.
 */
let server: RunningServer;
let browser: Browser;
let phone: PhoneBrowser;
let gp: StaffAccount;
let pharmacist: StaffAccount;
let otherPharmacist: StaffAccount;

const pharmacyId = async (ods: string) =>
  (await server.dbs.admin.query<{ id: string }>('SELECT id FROM organisations WHERE ods_code = $1', [ods])).rows[0]!.id;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = new PhoneBrowser(browser, server.baseUrl);
  await loadDirectory(server.dbs.admin, demoDirectoryCsv());
  gp = await createGp(server, 'Dr Prescribing Test');
  pharmacist = await createStaff(server, 'pharmacist', 'Pat Pharmacist', { organisationId: await pharmacyId('FA001') });
  otherPharmacist = await createStaff(server, 'pharmacist', 'Other Pharmacist', { organisationId: await pharmacyId('FA002') });
});
afterAll(async () => {
  await phone?.closeAll();
  await browser?.close();
  await server?.close();
});

/** Chooses a medicine in the search-as-you-type box. */
async function chooseMedicine(page: Page, typed: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Medicine' });
  await box.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await expect.poll(() => box.inputValue()).toContain(option.split(' ')[0]!);
}

async function fillDose(page: Page, d: { each: string; times: string; days: string; quantity: string; label: string }): Promise<void> {
  await page.getByLabel('How many each time').fill(d.each);
  await page.getByLabel('Times a day').fill(d.times);
  await page.getByLabel('For how many days').fill(d.days);
  await page.getByLabel('Quantity to supply').fill(d.quantity);
  await page.getByLabel('Instructions for the label').fill(d.label);
  await page.getByRole('group', { name: 'Is the patient pregnant?' }).getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('group', { name: 'Is the patient breastfeeding?' }).getByRole('radio', { name: 'No', exact: true }).check();
}

describe('e-prescribing', () => {
  it('allergy alert, an alternative signed with a fresh second factor, dispensed by the nominated pharmacy, ready to collect; another pharmacy sees nothing', async () => {
    // The patient signs up and nominates the pharmacy nearest her postcode.
    const patient = await phone.newPage();
    await registerPatient(patient, 'Rosalind', '1980-07-25', 'SE1 8XX');
    await patient.getByRole('link', { name: 'Pharmacy' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Your pharmacy' }).waitFor();
    await patient.getByText('You have not chosen a pharmacy yet.', { exact: false }).waitFor();
    expect(await patient.getByLabel('Postcode').inputValue()).toBe('SE1 8XX');
    await patient.getByRole('button', { name: 'Find pharmacies' }).click();
    const results = patient.getByRole('list').filter({ has: patient.getByRole('heading', { level: 3 }) });
    await results.getByRole('heading', { level: 3 }).first().waitFor();
    expect(await results.getByRole('heading', { level: 3 }).first().textContent()).toBe('High Street Pharmacy');
    await checkPage(patient, 'patient: pharmacy search');
    await patient.getByRole('button', { name: 'Choose High Street Pharmacy' }).click();
    await patient.getByText('Your nominated pharmacy is now High Street Pharmacy.').waitFor();

    // A consultation with the GP (booked and held as the other tests show), in the GP's care.
    const { rows } = await server.dbs.admin.query<{ id: string }>(`SELECT id FROM patients WHERE email = 'rosalind@example.test'`);
    const patientId = rows[0]!.id;
    const consultationId = await consultationInProgress(server, patientId, gp, 'Sore throat and fever');

    // The GP records the penicillin allergy on the patient's record.
    const doctor = await phone.newPage();
    await signInAsStaff(doctor, gp, '**/clinician/**');
    await doctor.goto(`/clinician/patients/${patientId}`);
    await doctor.getByRole('heading', { name: 'Allergies', exact: true }).waitFor();
    await doctor.getByLabel('Allergic to').fill('penicillin');
    await doctor.getByLabel('Reaction').fill('Hives and swollen lips');
    await doctor.getByRole('button', { name: 'Add allergy' }).click();
    await doctor.getByRole('button', { name: 'Remove allergy to penicillin' }).waitFor();

    // Amoxicillin: the checks warn of the allergy, with its severity.
    await doctor.goto(`/clinician/consultations/${consultationId}/notes`);
    await doctor.getByRole('link', { name: 'Prescribe a medicine' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Prescribe' }).waitFor();
    await chooseMedicine(doctor, 'amox', 'Amoxicillin 500 mg capsule');
    await fillDose(doctor, { each: '1', times: '3', days: '5', quantity: '15', label: 'Take one capsule three times a day' });
    await doctor.getByRole('button', { name: 'Check prescription' }).click();
    const alerts = doctor.getByRole('region', { name: 'Alerts' }).or(doctor.locator('section').filter({ has: doctor.getByRole('heading', { name: 'Alerts' }) }));
    await alerts.getByText(/Severe/).first().waitFor();
    await alerts.getByText(/Recorded allergy to penicillin/).waitFor();
    await doctor.getByLabel('Reason for going on despite this alert').first().waitFor();
    await checkPage(doctor, 'clinician: prescribing alert');

    // The alternative, clarithromycin: no alerts. Her second factor is older than 5 minutes, so signing asks for a code.
    await chooseMedicine(doctor, 'clarith', 'Clarithromycin 500 mg tablet');
    await fillDose(doctor, { each: '1', times: '2', days: '7', quantity: '14', label: 'Take one tablet twice a day for 7 days' });
    await doctor.getByRole('button', { name: 'Check prescription' }).click();
    await doctor.getByText('No alerts.').waitFor();
    await server.dbs.admin.query(`UPDATE sessions SET second_factor_at = now() - interval '6 minutes' WHERE user_id = $1`, [gp.id]);
    await doctor.getByRole('button', { name: 'Sign and send' }).click();
    await doctor.getByLabel('Authenticator code').fill(currentTotpCode(gp.secret, Date.now() + 30_000));
    await checkPage(doctor, 'clinician: second factor to sign');
    await doctor.getByRole('button', { name: 'Confirm and sign' }).click();
    await doctor.getByText('Sent to High Street Pharmacy, SE1 8XX.').waitFor();

    // The nominated pharmacy receives it, sees the signature verified, and dispenses.
    const pharmacy = await phone.newPage();
    await signInAsStaff(pharmacy, pharmacist, '**/pharmacist/**');
    await pharmacy.goto('/pharmacist/prescriptions');
    await pharmacy.getByRole('link', { name: 'Rosalind Booker: Clarithromycin' }).click();
    await pharmacy.getByRole('heading', { level: 1, name: 'Prescription for Rosalind Booker' }).waitFor();
    await pharmacy.getByText('Signature verified').waitFor();
    expect(await pharmacy.getByLabel('Quantity supplied').inputValue()).toBe('14');
    await checkPage(pharmacy, 'pharmacist: prescription');
    await pharmacy.getByRole('button', { name: 'Dispense' }).click();
    await pharmacy.getByRole('button', { name: 'Mark as collected' }).waitFor();

    // The patient sees it is ready to collect.
    await patient.goto('/patient/prescriptions');
    await patient.getByText('Ready to collect from High Street Pharmacy').waitFor();
    await checkPage(patient, 'patient: prescriptions');

    // Another pharmacy sees nothing: an empty list, and "not found" for the prescription itself.
    const prescriptionId = (await server.dbs.admin.query<{ id: string }>('SELECT id FROM prescriptions WHERE patient_id = $1', [patientId])).rows[0]!.id;
    const other = await phone.newPage();
    await signInAsStaff(other, otherPharmacist, '**/pharmacist/**');
    await other.goto('/pharmacist/prescriptions');
    await other.getByText('No prescriptions have been sent to your pharmacy yet.').waitFor();
    await other.goto(`/pharmacist/prescriptions/${prescriptionId}`);
    await other.getByRole('heading', { level: 1, name: 'Prescription not found' }).waitFor();
    expect(await other.content()).not.toContain('Rosalind');
  });
});
