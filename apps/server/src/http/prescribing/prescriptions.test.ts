import { API, type AccessLog, type ClinicalRecord, type Nomination, type PharmacySearchResult, type Prescription, type PrescriptionCheckResult, type PrescriptionList, type RepeatRequest, type RepeatRequestList } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';
import {
  ageSecondFactor, confirmSecondFactor, createStaff, pharmacyWithPharmacist, registerPatient, startConsultation,
  type WorldPatient, type WorldPharmacy, type WorldStaff,
} from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let patient: WorldPatient;
let nearest: WorldPharmacy;
let otherPharmacy: WorldPharmacy;
let consultationId: string;

const item = (medicineId: string, extra: Record<string, unknown> = {}) => ({
  medicineId, dosesPerTime: 1, timesPerDay: 2, durationDays: 7, quantity: 14, instructions: 'Take one twice a day', ...extra,
});

beforeAll(async () => {
  ctx = await createTestApp();
  gp = await createStaff(ctx, 'clinician', 'Dr Rx Test');
  patient = await registerPatient(ctx, { postcode: 'SE1 8XX' });
  nearest = await pharmacyWithPharmacist(ctx, 'FA001');
  otherPharmacy = await pharmacyWithPharmacist(ctx, 'FA002');
  ({ consultationId } = await startConsultation(ctx, patient, gp));
}, 60_000);
afterAll(async () => ctx.close());

async function nominateNearest(p: WorldPatient): Promise<void> {
  const found = await p.client.post(API.pharmacySearch, { postcode: 'se18xx' });
  expect(found.status).toBe(200);
  const first = (found.body as PharmacySearchResult).results[0]!;
  expect((await p.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: first.pharmacy.id })).status).toBe(200);
}

describe('e-prescribing through the API', () => {
  it('finds the nearest pharmacies to a postcode, nearest first, and the patient nominates one (changeable)', async () => {
    const res = await patient.client.post(API.pharmacySearch, { postcode: 'SE1 8XX', limit: 5 });
    expect(res.status).toBe(200);
    const results = (res.body as PharmacySearchResult).results;
    expect(results[0]!.pharmacy.odsCode).toBe('FA001');
    expect(results[0]!.distanceKm).toBe(0);
    expect(results.map((r) => r.distanceKm)).toEqual([...results.map((r) => r.distanceKm)].sort((a, b) => a - b));
    // By location too; "open now" keeps only those open at this moment.
    const byPlace = await patient.client.post(API.pharmacySearch, { latitude: 51.503, longitude: -0.1165, limit: 3 });
    expect((byPlace.body as PharmacySearchResult).results[0]!.pharmacy.odsCode).toBe('FA002');
    const open = await patient.client.post(API.pharmacySearch, { postcode: 'SE1 8XX', openNow: true, limit: 50 });
    expect((open.body as PharmacySearchResult).results.every((r) => r.openNow)).toBe(true);
    // 24-hour pharmacy FA009 is always open (but the minute before midnight).
    const minute = new Date().getUTCHours() * 60 + new Date().getUTCMinutes();
    if (minute !== 23 * 60 + 59 && minute !== 22 * 60 + 59) expect((open.body as PharmacySearchResult).results.some((r) => r.pharmacy.odsCode === 'FA009')).toBe(true);

    const bad = await patient.client.post(API.pharmacySearch, { postcode: 'not a postcode' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('body.postcode');
    const unknown = await patient.client.post(API.pharmacySearch, { postcode: 'ZE3 9XX' });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { code: string }).code).toBe('postcode_unknown');

    expect(((await patient.client.get(API.myNominatedPharmacy)).body as Nomination).pharmacy).toBeNull();
    expect((await patient.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: otherPharmacy.organisationId })).status).toBe(200);
    await nominateNearest(patient);
    expect(((await patient.client.get(API.myNominatedPharmacy)).body as Nomination).pharmacy!.odsCode).toBe('FA001');
  });

  it('a clinician caring for the patient records allergies and medicines; the patient reads them; nobody else does', async () => {
    const add = await gp.client.post(API.allergies(patient.patientId), { substance: 'Penicillin', reaction: 'Hives' });
    expect(add.status).toBe(201);
    expect((await gp.client.post(API.currentMedicines(patient.patientId), { medicineId: 'atorvastatin-20mg-tablet', dose: 'One at night' })).status).toBe(201);
    expect((await gp.client.post(API.currentMedicines(patient.patientId), { medicineId: 'no-such-medicine', dose: 'One at night' })).text).toContain('body.medicineId');
    const mine = (await patient.client.get(API.clinicalRecord(patient.patientId))).body as ClinicalRecord;
    expect(mine.allergies.map((a) => a.substance)).toEqual(['penicillin']);
    expect(mine.medicines.map((m) => m.medicine.id)).toEqual(['atorvastatin-20mg-tablet']);
    // The patient cannot change it; another clinician and another patient cannot see it.
    expect((await patient.client.post(API.allergies(patient.patientId), { substance: 'nuts', reaction: 'swelling' })).status).toBe(404);
    const stranger = await createStaff(ctx, 'clinician', 'Dr Stranger');
    const other = await registerPatient(ctx);
    for (const who of [stranger.client, other.client, nearest.pharmacist.client]) {
      const res = await who.get(API.clinicalRecord(patient.patientId));
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('penicillin');
    }
  });

  it('checks before signing: the allergy alert for amoxicillin, the statin interaction for clarithromycin, Schedule 2 refused', async () => {
    const amox = await gp.client.post(API.prescriptionChecks(consultationId), item('amoxicillin-500mg-capsule', { timesPerDay: 3, quantity: 21 }));
    expect(amox.status).toBe(200);
    const alerts = (amox.body as PrescriptionCheckResult).alerts;
    // Reading her allergies for the checks is in her access history.
    const checked = await ctx.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE patient_id = $1 AND resource_type = 'clinical-record' AND action = 'viewed' AND actor_user_id = $2`, [patient.patientId, gp.userId]);
    expect(checked.rows[0]!.n).toBeGreaterThan(0);
    expect(alerts[0]).toMatchObject({ kind: 'allergy', severity: 'severe', needsReason: true, code: 'allergy:penicillin' });
    const signWithout = await gp.client.post(API.consultationPrescriptions(consultationId), { ...item('amoxicillin-500mg-capsule'), overrides: [] });
    expect(signWithout.status).toBe(422);
    expect((signWithout.body as { code: string }).code).toBe('alert_reason_required');
    const clari = (await gp.client.post(API.prescriptionChecks(consultationId), item('clarithromycin-500mg-tablet'))).body as PrescriptionCheckResult;
    expect(clari.alerts.map((a) => a.kind)).toContain('interaction');
    const morphine = await gp.client.post(API.consultationPrescriptions(consultationId), {
      ...item('morphine-10mg-modified-release-tablet'), overrides: [{ code: 'controlled-drug', reason: 'Palliative care, I am sure' }],
    });
    expect(morphine.status).toBe(422);
    expect((morphine.body as { code: string }).code).toBe('prescription_blocked');
    const tooMuch = (await gp.client.post(API.prescriptionChecks(consultationId), item('clarithromycin-500mg-tablet', { dosesPerTime: 2, timesPerDay: 3 }))).body as PrescriptionCheckResult;
    expect(tooMuch.alerts.map((a) => a.kind)).toContain('maximum-dose');
  });

  it('signs with a fresh second factor, sends to the nominated pharmacy, which verifies, receives and dispenses; the patient is told', async () => {
    await ageSecondFactor(ctx, gp);
    const body = { ...item('doxycycline-100mg-capsule', { timesPerDay: 1, quantity: 7 }), overrides: [] };
    const stale = await gp.client.post(API.consultationPrescriptions(consultationId), body);
    expect(stale.status).toBe(403);
    expect((stale.body as { code: string }).code).toBe('second_factor_required');
    expect((await gp.client.post(API.secondFactor, { code: '000000' })).status).toBe(401);
    await confirmSecondFactor(gp);
    const issued = await gp.client.post(API.consultationPrescriptions(consultationId), body);
    expect(issued.status).toBe(201);
    const rx = issued.body as Prescription;
    expect(rx.token).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(rx.pharmacy.odsCode).toBe('FA001');
    expect(rx.status).toBe('issued');
    expect(rx.signature).toMatchObject({ valid: true, algorithm: 'ES256' });

    // The other pharmacy sees nothing; its pharmacist's request for this one is 404.
    expect(((await otherPharmacy.pharmacist.client.get(API.pharmacyPrescriptions)).body as PrescriptionList).prescriptions).toEqual([]);
    expect((await otherPharmacy.pharmacist.client.get(API.prescription(rx.id))).status).toBe(404);

    const list = (await nearest.pharmacist.client.get(API.pharmacyPrescriptions)).body as PrescriptionList;
    expect(list.prescriptions.map((p) => p.id)).toEqual([rx.id]);
    const opened = (await nearest.pharmacist.client.get(API.prescription(rx.id))).body as Prescription;
    expect(opened.status).toBe('received');
    expect(opened.signature!.valid).toBe(true);

    // Tampering with the stored prescription makes the signature invalid, and dispensing is refused.
    await ctx.dbs.admin.query('UPDATE prescriptions SET quantity = 70 WHERE id = $1', [rx.id]);
    const tampered = (await nearest.pharmacist.client.get(API.prescription(rx.id))).body as Prescription;
    expect(tampered.signature).toMatchObject({ valid: false });
    const refused = await nearest.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 7 });
    expect(refused.status).toBe(409);
    expect((refused.body as { code: string }).code).toBe('signature_invalid');
    await ctx.dbs.admin.query('UPDATE prescriptions SET quantity = 7 WHERE id = $1', [rx.id]);

    const part = (await nearest.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 3 })).body as Prescription;
    expect(part).toMatchObject({ status: 'partly-dispensed', dispensedQuantity: 3 });
    expect((await nearest.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 5 })).text).toContain('body.quantity');
    const done = (await nearest.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 4 })).body as Prescription;
    expect(done).toMatchObject({ status: 'dispensed', dispensedQuantity: 7 });

    const seen = (await patient.client.get(API.myPrescriptions)).body as PrescriptionList;
    expect(seen.prescriptions.find((p) => p.id === rx.id)).toMatchObject({ status: 'dispensed', overriddenAlerts: null, signature: null });
    const { rows } = await ctx.dbs.admin.query<{ subject: string }>(
      'SELECT subject FROM outbox_messages WHERE patient_id = $1 ORDER BY created_at', [patient.patientId]);
    expect(rows.map((r) => r.subject)).toEqual(expect.arrayContaining(['Your prescription has been sent', 'Your prescription is ready to collect', 'Part of your prescription is ready to collect']));
    expect((await nearest.pharmacist.client.post(API.collectPrescription(rx.id))).body).toMatchObject({ status: 'collected' });
    expect((await gp.client.post(API.cancelPrescription(rx.id), { reason: 'Changed my mind' })).status).toBe(409);

    // Every step is in the patient's audit trail: presented in lists, viewed when opened.
    const audit = await ctx.dbs.admin.query<{ action: string; actor_role: string }>(
      `SELECT action, actor_role FROM audit_events WHERE resource_type = 'prescription' AND resource_id = $1`, [rx.id]);
    const kinds = new Set(audit.rows.map((r) => `${r.actor_role}:${r.action}`));
    for (const k of ['clinician:created', 'pharmacist:presented', 'pharmacist:viewed', 'pharmacist:updated', 'patient:presented']) expect(kinds).toContain(k);
    // And she reads it in plain words in her access history, naming the pharmacist.
    const history = (await patient.client.get(API.myAccessLog)).body as AccessLog;
    const lines = history.items.map((e) => `${e.actor.name} ${e.description}`);
    expect(lines).toContain('Pharmacist FA001 opened your prescription');
    expect(lines).toContain('Dr Rx Test opened your allergies and medicines');
  });

  it('overriding the allergy alert needs a reason, which is kept with the prescription; the prescriber can cancel before dispensing', async () => {
    const issued = await gp.client.post(API.consultationPrescriptions(consultationId), {
      ...item('amoxicillin-500mg-capsule', { timesPerDay: 3, quantity: 21 }),
      overrides: [{ code: 'allergy:penicillin', reason: 'Tolerated amoxicillin in hospital last year' }],
    });
    expect(issued.status).toBe(201);
    const rx = issued.body as Prescription;
    expect(rx.overriddenAlerts).toEqual([expect.objectContaining({ code: 'allergy:penicillin', reason: 'Tolerated amoxicillin in hospital last year' })]);
    const cancelled = await gp.client.post(API.cancelPrescription(rx.id), { reason: 'Prescribed the wrong antibiotic' });
    expect((cancelled.body as Prescription).status).toBe('cancelled');
    expect((await nearest.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 21 })).status).toBe(409);
  });

  it('repeat prescriptions: the patient asks, the prescriber approves (a new signed prescription) or declines', async () => {
    const issued = (await gp.client.post(API.consultationPrescriptions(consultationId), {
      ...item('ramipril-5mg-capsule', { timesPerDay: 1, quantity: 28, durationDays: 28 }), repeatable: true, overrides: [],
    })).body as Prescription;
    expect(issued.repeatable).toBe(true);
    const asked = await patient.client.post(API.prescriptionRepeatRequests(issued.id), { note: 'Running low' });
    expect(asked.status).toBe(201);
    expect((await patient.client.post(API.prescriptionRepeatRequests(issued.id), {})).status).toBe(409);
    const pending = (await gp.client.get(API.clinicianRepeatRequests)).body as RepeatRequestList;
    expect(pending.requests.map((r) => r.id)).toContain((asked.body as RepeatRequest).id);
    const approved = await gp.client.post(API.approveRepeatRequest((asked.body as RepeatRequest).id));
    expect(approved.status).toBe(201);
    expect((approved.body as Prescription).repeatOf).toBe(issued.id);
    expect((approved.body as Prescription).signature!.valid).toBe(true);
    const again = await patient.client.post(API.prescriptionRepeatRequests(issued.id), {});
    const declined = await gp.client.post(API.declineRepeatRequest((again.body as RepeatRequest).id), { reason: 'Please book a blood pressure review first' });
    expect((declined.body as RepeatRequest).status).toBe('declined');
    const mine = (await patient.client.get(API.myRepeatRequests)).body as RepeatRequestList;
    expect(mine.requests.map((r) => r.status).sort()).toEqual(['approved', 'declined']);
    // A medicine not for repeats cannot be asked for.
    const acute = ((await patient.client.get(API.myPrescriptions)).body as PrescriptionList).prescriptions.find((p) => p.medicine.id === 'doxycycline-100mg-capsule')!;
    expect((await patient.client.post(API.prescriptionRepeatRequests(acute.id), {})).status).toBe(409);
  });

  it('an undispensed prescription past its expiry reads as expired and can be neither dispensed nor cancelled', async () => {
    const rx = (await gp.client.post(API.consultationPrescriptions(consultationId), { ...item('doxycycline-100mg-capsule', { timesPerDay: 1, quantity: 7 }), overrides: [] })).body as Prescription;
    expect(new Date(rx.expiresAt).getTime() - new Date(rx.issuedAt).getTime()).toBeGreaterThan(180 * 86_400_000);
    await ctx.dbs.admin.query(`UPDATE prescriptions SET issued_at = now() - interval '200 days', expires_at = now() - interval '1 day' WHERE id = $1`, [rx.id]);
    // The dates are signed: moving them breaks the signature too, so the pharmacy is told twice over.
    const seen = (await patient.client.get(API.prescription(rx.id))).body as Prescription;
    expect(seen.status).toBe('expired');
    expect((await nearest.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 7 })).status).toBe(409);
    expect((await gp.client.post(API.cancelPrescription(rx.id), { reason: 'Too late now' })).status).toBe(409);
    expect((await patient.client.post(API.prescriptionRepeatRequests(rx.id), {})).status).toBe(409);
  });

  it('a clinic admin imports pharmacies and postcodes from CSV; bad lines are reported; nobody else may import', async () => {
    const admin = await createStaff(ctx, 'clinic_admin', 'Directory Admin');
    const postcodes = await admin.client.post(API.adminPostcodeImport, { csv: 'postcode,latitude,longitude\nLS1 4AP,53.7965,-1.5478\nnonsense,1,2' });
    expect(postcodes.body).toEqual({ imported: 1, rejected: [{ line: 3, problem: 'postcode is not a UK postcode' }] });
    const week = 'mon 09:00-18:00; tue 09:00-18:00; wed 09:00-18:00; thu 09:00-18:00; fri 09:00-18:00; sat closed; sun closed';
    const imported = await admin.client.post(API.adminPharmacyImport, {
      csv: `ods_code,name,address,postcode,phone,latitude,longitude,opening_hours\nFL001,Leeds Pharmacy,"1 Park Row, Leeds",LS1 4AP,0113 496 0000,53.7966,-1.5480,${week}`,
    });
    expect(imported.body).toEqual({ imported: 1, rejected: [] });
    const found = (await patient.client.post(API.pharmacySearch, { postcode: 'LS1 4AP', limit: 1 })).body as PharmacySearchResult;
    expect(found.results[0]!.pharmacy).toMatchObject({ odsCode: 'FL001', name: 'Leeds Pharmacy' });
    for (const who of [patient.client, gp.client, nearest.pharmacist.client]) {
      expect((await who.post(API.adminPharmacyImport, { csv: 'x' })).status).toBe(403);
    }
  });

  it('two clicks at once: one repeat approval makes one prescription; two part-supplies never exceed the quantity', async () => {
    const issued = (await gp.client.post(API.consultationPrescriptions(consultationId), {
      ...item('ramipril-5mg-capsule', { timesPerDay: 1, quantity: 10, durationDays: 10 }), repeatable: true,
      overrides: [{ code: 'duplicate-therapy:ramipril-5mg-capsule', reason: 'Continuing the same medicine' }],
    })).body as Prescription;
    const asked = (await patient.client.post(API.prescriptionRepeatRequests(issued.id), {})).body as RepeatRequest;
    const [a, b] = await Promise.all([gp.client.post(API.approveRepeatRequest(asked.id)), gp.client.post(API.approveRepeatRequest(asked.id))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const repeats = await ctx.dbs.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM prescriptions WHERE repeat_of = $1', [issued.id]);
    expect(repeats.rows[0]!.n).toBe(1);
    await nearest.pharmacist.client.get(API.prescription(issued.id));
    const [x, y] = await Promise.all([
      nearest.pharmacist.client.post(API.dispensePrescription(issued.id), { quantity: 6 }),
      nearest.pharmacist.client.post(API.dispensePrescription(issued.id), { quantity: 6 }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 400]);
    const after = (await nearest.pharmacist.client.get(API.prescription(issued.id))).body as Prescription;
    expect(after).toMatchObject({ status: 'partly-dispensed', dispensedQuantity: 6 });
  });

  it('a repeat sent to a newly nominated pharmacy does not name the original prescription to it (found by the model-based test)', async () => {
    const movedPatient = await registerPatient(ctx, { postcode: 'SE1 8XX' });
    const { consultationId: visit } = await startConsultation(ctx, movedPatient, gp);
    await nominateNearest(movedPatient);
    const original = (await gp.client.post(API.consultationPrescriptions(visit), {
      ...item('ramipril-5mg-capsule', { timesPerDay: 1, quantity: 28, durationDays: 28 }), repeatable: true, overrides: [],
    })).body as Prescription;
    expect(original.pharmacy.odsCode).toBe('FA001');
    const asked = (await movedPatient.client.post(API.prescriptionRepeatRequests(original.id), {})).body as RepeatRequest;
    expect((await movedPatient.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: otherPharmacy.organisationId })).status).toBe(200);
    const repeat = (await gp.client.post(API.approveRepeatRequest(asked.id))).body as Prescription;
    expect(repeat.pharmacy.odsCode).toBe('FA002');
    const atNewPharmacy = await otherPharmacy.pharmacist.client.get(API.prescription(repeat.id));
    expect(atNewPharmacy.status).toBe(200);
    expect((atNewPharmacy.body as Prescription).repeatOf).toBeNull();
    expect(atNewPharmacy.text).not.toContain(original.id);
    expect((atNewPharmacy.body as Prescription).signature!.valid).toBe(true);
    expect(((await movedPatient.client.get(API.prescription(repeat.id))).body as Prescription).repeatOf).toBe(original.id);
  });

  it('wrong authenticator codes when signing count towards locking the account', async () => {
    const other = await createStaff(ctx, 'clinician', 'Dr Guess');
    const statuses: number[] = [];
    for (let i = 0; i < ctx.config.auth.lockoutThreshold + 1; i++) statuses.push((await other.client.post(API.secondFactor, { code: '000000' })).status);
    expect(statuses.at(-1)).toBe(423);
    expect(statuses.slice(0, ctx.config.auth.lockoutThreshold)).toEqual(Array(ctx.config.auth.lockoutThreshold).fill(401));
  });

  it('every prescription route, as another patient, another pharmacy’s pharmacist or an unassigned clinician: 404 and not a byte of it', async () => {
    const rx = ((await patient.client.get(API.myPrescriptions)).body as PrescriptionList).prescriptions.find((p) => p.repeatable && p.repeatOf === null)!;
    const request = ((await patient.client.post(API.prescriptionRepeatRequests(rx.id), {})).body as RepeatRequest);
    const strangerGp = await createStaff(ctx, 'clinician', 'Dr Unassigned');
    const otherPatient = await registerPatient(ctx);
    const markers = [rx.id, rx.token, patient.patientId, request.id, consultationId, ...patient.markers.slice(1)];
    const routes: ['GET' | 'POST', string, unknown?][] = [
      ['GET', API.prescription(rx.id)],
      ['POST', API.cancelPrescription(rx.id), { reason: 'Not mine to cancel' }],
      ['POST', API.dispensePrescription(rx.id), { quantity: 1 }],
      ['POST', API.collectPrescription(rx.id)],
      ['POST', API.prescriptionRepeatRequests(rx.id), {}],
      ['POST', API.approveRepeatRequest(request.id)],
      ['POST', API.declineRepeatRequest(request.id), { reason: 'Not mine to decline' }],
      ['GET', API.consultationPrescriptions(consultationId)],
      ['POST', API.consultationPrescriptions(consultationId), { ...item('doxycycline-100mg-capsule'), overrides: [] }],
      ['POST', API.prescriptionChecks(consultationId), item('doxycycline-100mg-capsule')],
      ['GET', API.clinicalRecord(patient.patientId)],
      ['POST', API.allergies(patient.patientId), { substance: 'latex', reaction: 'rash' }],
      ['POST', API.currentMedicines(patient.patientId), { medicineId: 'atorvastatin-20mg-tablet', dose: 'One a day' }],
    ];
    let checked = 0;
    for (const who of [otherPatient.client, otherPharmacy.pharmacist.client, strangerGp.client]) {
      for (const [method, url, body] of routes) {
        const res = await who.request(method, url, body);
        expect(res.status, `${method} ${url}`).toBe(404);
        for (const m of markers) expect(res.text, `${method} ${url}`).not.toContain(m);
        checked += 1;
      }
      for (const url of [API.myPrescriptions, API.pharmacyPrescriptions, API.clinicianRepeatRequests, API.myRepeatRequests]) {
        const res = await who.get(url);
        for (const m of markers) expect(res.text, url).not.toContain(m);
      }
    }
    expect(checked).toBe(39);
    // Each refusal is in the patient's own access history.
    const denied = await ctx.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE patient_id = $1 AND outcome = 'denied'`, [patient.patientId]);
    expect(denied.rows[0]!.n).toBeGreaterThanOrEqual(30);
  });
});
