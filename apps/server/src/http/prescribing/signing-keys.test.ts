import { API, type Prescription, type PrescriptionList, type RevokeSigningKeyResult, type SigningKey, type SigningKeyList } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { revokedNotice } from '../../services/signing-keys.service';
import {
  ageSecondFactor, confirmSecondFactor, createStaff, pharmacyWithPharmacist, registerPatient, startConsultation,
  type WorldPatient, type WorldPharmacy, type WorldStaff,
} from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let otherGp: WorldStaff;
let admin: WorldStaff;
let patient: WorldPatient;
let pharmacy: WorldPharmacy;
let consultationId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  gp = await createStaff(ctx, 'clinician', 'Dr Key Holder');
  otherGp = await createStaff(ctx, 'clinician', 'Dr Other Key');
  admin = await createStaff(ctx, 'clinic_admin', 'Key Admin');
  patient = await registerPatient(ctx);
  pharmacy = await pharmacyWithPharmacist(ctx, 'FA001');
  expect((await patient.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: pharmacy.organisationId })).status).toBe(200);
  ({ consultationId } = await startConsultation(ctx, patient, gp));
}, 60_000);
afterAll(async () => ctx.close());

async function prescribe(quantity = 28): Promise<Prescription> {
  const res = await gp.client.post(API.consultationPrescriptions(consultationId), {
    medicineId: 'ramipril-5mg-capsule', dosesPerTime: 1, timesPerDay: 1, durationDays: quantity, quantity, instructions: 'One a day', overrides: [],
  });
  expect(res.status, res.text).toBe(201);
  return res.body as Prescription;
}

const asPharmacy = async (id: string) => (await pharmacy.pharmacist.client.get(API.prescription(id))).body as Prescription;
const myKeys = async (who: WorldStaff) => ((await who.client.get(API.mySigningKeys)).body as SigningKeyList).keys;

describe('prescribers’ signing keys', () => {
  let first: Prescription;
  let second: Prescription;
  let firstKey: SigningKey;

  it('a prescriber’s first prescription makes their key; they see it in use, with its thumbprint', async () => {
    expect(await myKeys(gp)).toEqual([]);
    first = await prescribe();
    const keys = await myKeys(gp);
    expect(keys).toHaveLength(1);
    firstKey = keys[0]!;
    expect(firstKey).toMatchObject({ id: first.signature!.keyId, prescriber: { id: gp.userId, name: 'Dr Key Holder' }, retiredAt: null, revokedAt: null });
    expect(firstKey.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('replacing the key needs a fresh second factor; the old key signs nothing more but still verifies what it signed', async () => {
    await ageSecondFactor(ctx, gp);
    const stale = await gp.client.post(API.mySigningKeys, {});
    expect(stale.status).toBe(403);
    expect((stale.body as { code: string }).code).toBe('second_factor_required');
    expect(await myKeys(gp)).toHaveLength(1);

    await confirmSecondFactor(gp);
    const replaced = await gp.client.post(API.mySigningKeys, {});
    expect(replaced.status, replaced.text).toBe(201);
    const newKey = replaced.body as SigningKey;
    expect(newKey.id).not.toBe(firstKey.id);
    const keys = await myKeys(gp);
    expect(keys.map((k) => [k.id, k.retiredAt === null])).toEqual([[newKey.id, true], [firstKey.id, false]]);

    second = await prescribe();
    expect(second.signature!.keyId).toBe(newKey.id);
    expect((await asPharmacy(first.id)).signature).toMatchObject({ valid: true, keyId: firstKey.id });
    expect((await asPharmacy(second.id)).signature).toMatchObject({ valid: true, keyId: newKey.id });
  });

  it('a clinic admin revokes a key: nothing it signed still to be dispensed verifies or dispenses; what was dispensed stays as it was', async () => {
    // The first prescription is dispensed in full before the revocation; a third, signed with the same key, is not.
    expect((await pharmacy.pharmacist.client.post(API.dispensePrescription(first.id), { quantity: 28 })).status).toBe(200);
    const third = await prescribe(14);
    const keyInUse = second.signature!.keyId;

    const all = ((await admin.client.get(API.adminSigningKeys)).body as SigningKeyList).keys;
    expect(all.map((k) => k.id)).toEqual(expect.arrayContaining([firstKey.id, keyInUse]));
    expect(JSON.stringify(all)).not.toContain('wrapped');

    const noReason = await admin.client.post(API.adminRevokeSigningKey(keyInUse), { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('body.reason');
    const revoked = await admin.client.post(API.adminRevokeSigningKey(keyInUse), { reason: 'Laptop stolen' });
    expect(revoked.status, revoked.text).toBe(200);
    const result = revoked.body as RevokeSigningKeyResult;
    expect(result.undispensedPrescriptions).toBe(2);
    expect(result.key).toMatchObject({ id: keyInUse, revokedReason: 'Laptop stolen' });
    expect(result.key.revokedAt).not.toBeNull();
    expect((await admin.client.post(API.adminRevokeSigningKey(keyInUse), { reason: 'Again' })).status).toBe(409);

    for (const rx of [second, third]) {
      const seen = await asPharmacy(rx.id);
      expect(seen.signature!.valid).toBe(false);
      expect(seen.signature!.problem).toContain('revoked');
      const dispense = await pharmacy.pharmacist.client.post(API.dispensePrescription(rx.id), { quantity: 1 });
      expect(dispense.status).toBe(409);
      expect((dispense.body as { code: string }).code).toBe('signature_invalid');
    }
    // Dispensed before the revocation: its record stands. Signed by the replaced (not revoked) key: still valid.
    expect((await asPharmacy(first.id)).signature!.valid).toBe(true);
    // The patient is told which must be issued again (and sees no signature details).
    const mine = ((await patient.client.get(API.myPrescriptions)).body as PrescriptionList).prescriptions;
    expect(Object.fromEntries(mine.map((p) => [p.id, p.reissueNeeded]))).toEqual({ [first.id]: false, [second.id]: true, [third.id]: true });
    expect(mine.every((p) => p.signature === null)).toBe(true);

    // The prescriber's next prescription is signed with a new key, which verifies.
    const fourth = await prescribe(7);
    expect(fourth.signature!.keyId).not.toBe(keyInUse);
    expect((await asPharmacy(fourth.id)).signature!.valid).toBe(true);
    expect((await myKeys(gp)).filter((k) => k.retiredAt === null).map((k) => k.id)).toEqual([fourth.signature!.keyId]);

    const audit = await ctx.dbs.admin.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_events WHERE resource_type = 'signing-key' AND resource_id = $1`, [keyInUse]);
    expect(audit.rows).toContainEqual({ action: 'updated', actor_user_id: admin.userId });
    // The prescriber is told by email, with a count and no patient's details.
    const told = await ctx.dbs.admin.query<{ subject: string; body: string; patient_id: string | null }>(
      'SELECT subject, body, patient_id FROM outbox_messages WHERE recipient_user_id = $1', [gp.userId]);
    expect(told.rows).toHaveLength(1);
    expect(told.rows[0]!.subject).toBe('Your Confide signing key was revoked');
    expect(told.rows[0]!.body).toContain('Key Admin revoked your prescription-signing key because: Laptop stolen');
    expect(told.rows[0]!.body).toContain('2 prescriptions you signed with it and not yet dispensed can no longer be dispensed');
    expect(told.rows[0]!.patient_id).toBeNull();
    for (const marker of patient.markers) expect(told.rows[0]!.body).not.toContain(marker);
  });

  it('only the prescriber replaces their key, and only a clinic admin revokes one', async () => {
    // Another clinician's replacement is their own (there is no way to name someone else's).
    await confirmSecondFactor(otherGp);
    expect((await otherGp.client.post(API.mySigningKeys, {})).status).toBe(201);
    expect((await myKeys(gp)).some((k) => k.prescriber.id !== gp.userId)).toBe(false);

    const [gpKey] = await myKeys(gp);
    for (const who of [gp, otherGp, pharmacy.pharmacist]) {
      expect((await who.client.post(API.adminRevokeSigningKey(gpKey!.id), { reason: 'Not mine to revoke' })).status).toBe(403);
      expect((await who.client.get(API.adminSigningKeys)).status).toBe(403);
    }
    for (const who of [patient.client, admin.client, pharmacy.pharmacist.client]) {
      expect((await who.get(API.mySigningKeys)).status).toBe(403);
      expect((await who.post(API.mySigningKeys, {})).status).toBe(403);
    }
    expect((await admin.client.post(API.adminRevokeSigningKey('00000000-0000-4000-8000-000000000000'), { reason: 'No such key' })).status).toBe(404);
    expect((await myKeys(gp)).find((k) => k.id === gpKey!.id)!.revokedAt).toBeNull();
  });

  it('the prescriber’s notice says what to do, for none, one or many prescriptions waiting', () => {
    expect(revokedNotice('Dr A', 'Admin B', 'Phone lost', 0)).toContain('No prescriptions you signed with it were waiting to be dispensed.');
    expect(revokedNotice('Dr A', 'Admin B', 'Phone lost', 1)).toContain('1 prescription you signed with it and not yet dispensed can no longer be dispensed: issue it again');
    expect(revokedNotice('Dr A', 'Admin B', 'Phone lost', 3)).toContain('3 prescriptions you signed with it and not yet dispensed can no longer be dispensed: issue them again');
  });
});
