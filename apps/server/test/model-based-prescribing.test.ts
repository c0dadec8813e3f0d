import { API, type Prescription, type PrescriptionList, type RepeatRequest, type SigningKey, type SigningKeyList } from '@confide/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Reply, type TestContext } from './test-app';
import { buildWorld, pharmacyWithPharmacist, startConsultation, type World, type WorldPharmacy } from './world';

/**
 * Model-based property test of e-prescribing. Patients, clinicians, two pharmacies with a pharmacist each and a clinic
 * admin; fast-check generates random sequences of consultations, nominations, prescribing, opening, dispensing,
 * cancelling, repeat requests, and prescribers replacing and admins revoking signing keys, by random people. After every
 * call: the status and the signature check are what the model's own rules say (independent of the policy module),
 * and the response carries no patient and no prescription the caller may not see: 0 cross-patient and 0
 * cross-pharmacy exposures.
 */
const PATIENTS = 4;
const CLINICIANS = 2;
const PHARMACIES = ['FA001', 'FA002'] as const;
const RUNS = Number(process.env.MODEL_RUNS ?? 200) * 5;
const MEDICINES = [
  { id: 'doxycycline-100mg-capsule', repeatable: false },
  { id: 'ramipril-5mg-capsule', repeatable: true },
] as const;

let ctx: TestContext;
let world: World;
const pharmacies: WorldPharmacy[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx, { patients: PATIENTS, clinicians: CLINICIANS }, () => false);
  for (const ods of PHARMACIES) pharmacies.push(await pharmacyWithPharmacist(ctx, ods));
}, 120_000);
afterAll(async () => ctx.close());

type Status = Prescription['status'];
interface Rx { id: string; token: string; patient: number; clinician: number; pharmacy: number; repeatable: boolean; status: Status; supplied: number; keyId: string }
interface Model {
  consultations: { id: string; patient: number; clinician: number }[];
  nomination: Map<number, number>;
  rx: Rx[];
  repeats: { id: string; rx: Rx; status: 'requested' | 'approved' | 'declined' }[];
  /** Every signing key seen, whose it is and whether it was revoked; and each clinician's key in use, if any. */
  keys: Map<string, { clinician: number; revoked: boolean }>;
  currentKey: Map<number, string>;
}

/** A revoked key verifies nothing still to be dispensed (the model's rule, not the server's code). */
function verifies(m: Model, rx: Rx): boolean {
  return !(m.keys.get(rx.keyId)!.revoked && ['issued', 'received', 'partly-dispensed'].includes(rx.status));
}

/** A prescription just signed by clinician `c`: its key is theirs and in use, and not one that was revoked or replaced. */
function signedBy(m: Model, c: number, rx: Prescription): string {
  const keyId = rx.signature!.keyId;
  const known = m.keys.get(keyId);
  if (known) {
    expect(known).toEqual({ clinician: c, revoked: false });
    expect(m.currentKey.get(c)).toBe(keyId);
  } else {
    m.keys.set(keyId, { clinician: c, revoked: false });
    m.currentKey.set(c, keyId);
  }
  expect(rx.signature!.valid).toBe(true);
  return keyId;
}
type Actor = { kind: 'patient' | 'clinician' | 'pharmacist'; index: number } | { kind: 'admin' };
const QUANTITY = 7;

function clientOf(a: Actor) {
  if (a.kind === 'patient') return world.patients[a.index]!.client;
  if (a.kind === 'clinician') return world.clinicians[a.index]!.client;
  if (a.kind === 'pharmacist') return pharmacies[a.index]!.pharmacist.client;
  return world.admin.client;
}

/** Whether the model lets this actor see this prescription: its patient, its prescriber, the pharmacy it was sent to. */
function maySee(a: Actor, rx: Rx): boolean {
  if (a.kind === 'patient') return a.index === rx.patient;
  if (a.kind === 'clinician') return a.index === rx.clinician;
  if (a.kind === 'pharmacist') return a.index === rx.pharmacy;
  return false;
}

function entitledPatients(m: Model, a: Actor): Set<number> {
  if (a.kind === 'patient') return new Set([a.index]);
  if (a.kind === 'clinician') return new Set(m.consultations.filter((c) => c.clinician === a.index).map((c) => c.patient));
  if (a.kind === 'pharmacist') return new Set(m.rx.filter((r) => r.pharmacy === a.index).map((r) => r.patient));
  return new Set();
}

const exposures = { checked: 0 };
function assertNoLeak(m: Model, a: Actor, res: Reply, what: string): void {
  expect(res.status < 500, `${what} answered ${res.status}: ${res.text}`).toBe(true);
  const allowed = entitledPatients(m, a);
  for (const [i, p] of world.patients.entries()) {
    if (allowed.has(i)) continue;
    for (const marker of p.markers) if (res.text.includes(marker)) throw new Error(`LEAK: ${what} by ${JSON.stringify(a)} carried patient ${i}'s ${marker}`);
  }
  // Prescriptions are finer than patients: another pharmacy's (or another prescriber's) prescription for a patient
  // the caller may see is still an exposure.
  for (const rx of m.rx) {
    if (maySee(a, rx)) continue;
    if (res.text.includes(rx.token) || res.text.includes(rx.id)) throw new Error(`LEAK: ${what} by ${JSON.stringify(a)} carried prescription ${rx.token}`);
  }
  exposures.checked += 1;
}

const rxAudit = async (action: 'presented' | 'viewed'): Promise<number> =>
  (await ctx.dbs.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE resource_type = 'prescription' AND action = $1`, [action])).rows[0]!.n;

class Consult implements fc.AsyncCommand<Model, unknown> {
  constructor(readonly patient: number, readonly clinician: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const { consultationId } = await startConsultation(ctx, world.patients[this.patient]!, world.clinicians[this.clinician]!);
    m.consultations.push({ id: consultationId, patient: this.patient, clinician: this.clinician });
  }
  toString = () => `consult(${this.patient}, ${this.clinician})`;
}

class Nominate implements fc.AsyncCommand<Model, unknown> {
  constructor(readonly patient: number, readonly pharmacy: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const res = await world.patients[this.patient]!.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: pharmacies[this.pharmacy]!.organisationId });
    expect(res.status).toBe(200);
    m.nomination.set(this.patient, this.pharmacy);
  }
  toString = () => `nominate(${this.patient}, ${this.pharmacy})`;
}

const stats = { issued: 0, dispensed: 0, cancelled: 0, repeatsApproved: 0, refused: 0 };
/** A command's actor: someone random (often an intruder), or — null — the person the model says may do it. */
type MaybeActor = Actor | null;

class Issue implements fc.AsyncCommand<Model, unknown> {
  actor: Actor = { kind: 'admin' };
  constructor(readonly who: MaybeActor, readonly consultation: number, readonly medicine: number) {}
  check = (m: Readonly<Model>) => m.consultations.length > 0;
  async run(m: Model): Promise<void> {
    const c = m.consultations[this.consultation % m.consultations.length]!;
    this.actor = this.who ?? { kind: 'clinician', index: c.clinician };
    const med = MEDICINES[this.medicine]!;
    const res = await clientOf(this.actor).post(API.consultationPrescriptions(c.id), {
      medicineId: med.id, dosesPerTime: 1, timesPerDay: 1, durationDays: 7, quantity: QUANTITY, instructions: 'One a day', repeatable: med.repeatable,
      overrides: [{ code: `duplicate-therapy:${med.id}`, reason: 'Continuing the same medicine' }],
    });
    assertNoLeak(m, this.actor, res, 'issue');
    const prescriber = this.actor.kind === 'clinician' && this.actor.index === c.clinician;
    const pharmacy = m.nomination.get(c.patient);
    expect(res.status, res.text).toBe(!prescriber ? 404 : pharmacy === undefined ? 409 : 201);
    if (res.status === 201) {
      const rx = res.body as Prescription;
      expect(rx.pharmacy.id).toBe(pharmacies[pharmacy!]!.organisationId);
      m.rx.push({ id: rx.id, token: rx.token, patient: c.patient, clinician: c.clinician, pharmacy: pharmacy!, repeatable: med.repeatable, status: 'issued', supplied: 0, keyId: signedBy(m, c.clinician, rx) });
      stats.issued += 1;
    } else stats.refused += 1;
  }
  toString = () => `${JSON.stringify(this.who ?? 'rightful')}.issue(${this.consultation}, ${this.medicine})`;
}

class List implements fc.AsyncCommand<Model, unknown> {
  constructor(readonly actor: Actor, readonly which: 'mine' | 'pharmacy') {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const before = await rxAudit('presented');
    const res = await clientOf(this.actor).get(this.which === 'mine' ? API.myPrescriptions : API.pharmacyPrescriptions);
    assertNoLeak(m, this.actor, res, `list ${this.which}`);
    const a = this.actor;
    const applies = this.which === 'mine' ? a.kind === 'patient' : a.kind === 'pharmacist';
    if (!applies) {
      expect(res.status).toBe(404);
      return;
    }
    const listed = (res.body as PrescriptionList).prescriptions;
    expect(new Set(listed.map((p) => p.id))).toEqual(new Set(m.rx.filter((r) => maySee(a, r)).map((r) => r.id)));
    for (const p of listed) expect(p.status).toBe(m.rx.find((r) => r.id === p.id)!.status);
    expect((await rxAudit('presented')) - before).toBe(listed.length);
  }
  toString = () => `${JSON.stringify(this.actor)}.list(${this.which})`;
}

class Open implements fc.AsyncCommand<Model, unknown> {
  constructor(readonly actor: Actor, readonly k: number) {}
  check = (m: Readonly<Model>) => m.rx.length > 0;
  async run(m: Model): Promise<void> {
    const rx = m.rx[this.k % m.rx.length]!;
    const before = await rxAudit('viewed');
    const res = await clientOf(this.actor).get(API.prescription(rx.id));
    assertNoLeak(m, this.actor, res, 'open');
    expect(res.status).toBe(maySee(this.actor, rx) ? 200 : 404);
    if (res.status !== 200) return;
    if (this.actor.kind === 'pharmacist' && rx.status === 'issued') rx.status = 'received';
    const got = res.body as Prescription;
    expect(got.status).toBe(rx.status);
    if (this.actor.kind === 'patient') expect(got.signature).toBeNull();
    else expect(got.signature!.valid).toBe(verifies(m, rx));
    // Everyone who sees it, the patient included, is told when it must be issued again.
    expect(got.reissueNeeded).toBe(!verifies(m, rx));
    expect((await rxAudit('viewed')) - before).toBe(1);
  }
  toString = () => `${JSON.stringify(this.actor)}.open(${this.k})`;
}

class Dispense implements fc.AsyncCommand<Model, unknown> {
  actor: Actor = { kind: 'admin' };
  constructor(readonly who: MaybeActor, readonly k: number, readonly quantity: number) {}
  check = (m: Readonly<Model>) => m.rx.length > 0;
  async run(m: Model): Promise<void> {
    const rx = m.rx[this.k % m.rx.length]!;
    this.actor = this.who ?? { kind: 'pharmacist', index: rx.pharmacy };
    const res = await clientOf(this.actor).post(API.dispensePrescription(rx.id), { quantity: this.quantity });
    assertNoLeak(m, this.actor, res, 'dispense');
    const pharmacy = this.actor.kind === 'pharmacist' && this.actor.index === rx.pharmacy;
    if (!pharmacy) {
      expect(res.status).toBe(404);
      return;
    }
    const open = ['issued', 'received', 'partly-dispensed'].includes(rx.status);
    const fits = rx.supplied + this.quantity <= QUANTITY;
    expect(res.status, res.text).toBe(!open || !verifies(m, rx) ? 409 : !fits ? 400 : 200);
    if (open && !verifies(m, rx)) expect((res.body as { code: string }).code).toBe('signature_invalid');
    if (res.status === 200) {
      rx.supplied += this.quantity;
      rx.status = rx.supplied >= QUANTITY ? 'dispensed' : 'partly-dispensed';
      stats.dispensed += 1;
      expect((res.body as Prescription).status).toBe(rx.status);
    }
  }
  toString = () => `${JSON.stringify(this.who ?? 'rightful')}.dispense(${this.k}, ${this.quantity})`;
}

class Cancel implements fc.AsyncCommand<Model, unknown> {
  actor: Actor = { kind: 'admin' };
  constructor(readonly who: MaybeActor, readonly k: number) {}
  check = (m: Readonly<Model>) => m.rx.length > 0;
  async run(m: Model): Promise<void> {
    const rx = m.rx[this.k % m.rx.length]!;
    this.actor = this.who ?? { kind: 'clinician', index: rx.clinician };
    const res = await clientOf(this.actor).post(API.cancelPrescription(rx.id), { reason: 'Changed the plan' });
    assertNoLeak(m, this.actor, res, 'cancel');
    const prescriber = this.actor.kind === 'clinician' && this.actor.index === rx.clinician;
    expect(res.status).toBe(!prescriber ? 404 : ['issued', 'received'].includes(rx.status) ? 200 : 409);
    if (res.status === 200) {
      rx.status = 'cancelled';
      stats.cancelled += 1;
    }
  }
  toString = () => `${JSON.stringify(this.who ?? 'rightful')}.cancel(${this.k})`;
}

class AskRepeat implements fc.AsyncCommand<Model, unknown> {
  actor: Actor = { kind: 'admin' };
  constructor(readonly who: MaybeActor, readonly k: number) {}
  check = (m: Readonly<Model>) => m.rx.length > 0;
  async run(m: Model): Promise<void> {
    const rx = m.rx[this.k % m.rx.length]!;
    this.actor = this.who ?? { kind: 'patient', index: rx.patient };
    const res = await clientOf(this.actor).post(API.prescriptionRepeatRequests(rx.id), {});
    assertNoLeak(m, this.actor, res, 'ask repeat');
    const own = this.actor.kind === 'patient' && this.actor.index === rx.patient;
    const open = m.repeats.some((r) => r.rx === rx && r.status === 'requested');
    expect(res.status, res.text).toBe(!own ? 404 : rx.repeatable && rx.status !== 'cancelled' && !open ? 201 : 409);
    if (res.status === 201) m.repeats.push({ id: (res.body as RepeatRequest).id, rx, status: 'requested' });
  }
  toString = () => `${JSON.stringify(this.who ?? 'rightful')}.askRepeat(${this.k})`;
}

class DecideRepeat implements fc.AsyncCommand<Model, unknown> {
  actor: Actor = { kind: 'admin' };
  constructor(readonly who: MaybeActor, readonly k: number, readonly approve: boolean) {}
  check = (m: Readonly<Model>) => m.repeats.length > 0;
  async run(m: Model): Promise<void> {
    const r = m.repeats[this.k % m.repeats.length]!;
    this.actor = this.who ?? { kind: 'clinician', index: r.rx.clinician };
    const c = clientOf(this.actor);
    const res = this.approve ? await c.post(API.approveRepeatRequest(r.id)) : await c.post(API.declineRepeatRequest(r.id), { reason: 'Please book a review' });
    assertNoLeak(m, this.actor, res, 'decide repeat');
    const prescriber = this.actor.kind === 'clinician' && this.actor.index === r.rx.clinician;
    expect(res.status, res.text).toBe(!prescriber ? 404 : r.status !== 'requested' ? 409 : this.approve ? 201 : 200);
    if (res.status === 201) {
      const rx = res.body as Prescription;
      const pharmacy = m.nomination.get(r.rx.patient)!;
      expect(rx.pharmacy.id).toBe(pharmacies[pharmacy]!.organisationId);
      m.rx.push({ id: rx.id, token: rx.token, patient: r.rx.patient, clinician: r.rx.clinician, pharmacy, repeatable: true, status: 'issued', supplied: 0, keyId: signedBy(m, r.rx.clinician, rx) });
      stats.repeatsApproved += 1;
    }
    if (res.status < 300) r.status = this.approve ? 'approved' : 'declined';
  }
  toString = () => `${JSON.stringify(this.who ?? 'rightful')}.${this.approve ? 'approve' : 'decline'}(${this.k})`;
}

class ReadRecord implements fc.AsyncCommand<Model, unknown> {
  constructor(readonly actor: Actor, readonly patient: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const res = await clientOf(this.actor).get(API.clinicalRecord(world.patients[this.patient]!.patientId));
    assertNoLeak(m, this.actor, res, 'record');
    const a = this.actor;
    const may = (a.kind === 'patient' && a.index === this.patient) || (a.kind === 'clinician' && entitledPatients(m, a).has(this.patient));
    expect(res.status).toBe(may ? 200 : 404);
  }
  toString = () => `${JSON.stringify(this.actor)}.record(${this.patient})`;
}

const keyStats = { replaced: 0, revoked: 0 };

/** Someone replaces their own signing key: a clinician gets a new one in use; anyone else is refused. */
class ReplaceKey implements fc.AsyncCommand<Model, unknown> {
  constructor(readonly actor: Actor) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const res = await clientOf(this.actor).post(API.mySigningKeys, {});
    assertNoLeak(m, this.actor, res, 'replace key');
    if (this.actor.kind !== 'clinician') {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status, res.text).toBe(201);
    const key = res.body as SigningKey;
    expect(m.keys.has(key.id)).toBe(false);
    m.keys.set(key.id, { clinician: this.actor.index, revoked: false });
    m.currentKey.set(this.actor.index, key.id);
    keyStats.replaced += 1;
  }
  toString = () => `${JSON.stringify(this.actor)}.replaceKey()`;
}

/** Someone revokes one of a clinician's keys (the one in use if any): only a clinic admin may, and only once. */
class RevokeKey implements fc.AsyncCommand<Model, unknown> {
  actor: Actor = { kind: 'admin' };
  constructor(readonly who: MaybeActor, readonly clinician: number, readonly k: number) {}
  check = (m: Readonly<Model>) => [...m.keys.values()].some((key) => key.clinician === this.clinician);
  async run(m: Model): Promise<void> {
    this.actor = this.who ?? { kind: 'admin' };
    const theirs = [...m.keys.entries()].filter(([, key]) => key.clinician === this.clinician).map(([id]) => id);
    const keyId = m.currentKey.get(this.clinician) ?? theirs[this.k % theirs.length]!;
    const res = await clientOf(this.actor).post(API.adminRevokeSigningKey(keyId), { reason: 'May be compromised' });
    assertNoLeak(m, this.actor, res, 'revoke key');
    if (this.actor.kind !== 'admin') {
      expect(res.status).toBe(403);
      return;
    }
    const key = m.keys.get(keyId)!;
    expect(res.status, res.text).toBe(key.revoked ? 409 : 200);
    if (res.status !== 200) return;
    key.revoked = true;
    if (m.currentKey.get(this.clinician) === keyId) m.currentKey.delete(this.clinician);
    keyStats.revoked += 1;
    // The admin's list agrees with the model about every key it has seen.
    const listed = ((await world.admin.client.get(API.adminSigningKeys)).body as SigningKeyList).keys;
    for (const [id, known] of m.keys) {
      const shown = listed.find((l) => l.id === id)!;
      expect(shown.revokedAt !== null, id).toBe(known.revoked);
      expect(shown.retiredAt === null, id).toBe(m.currentKey.get(known.clinician) === id);
    }
  }
  toString = () => `${JSON.stringify(this.who ?? 'rightful')}.revokeKey(${this.clinician}, ${this.k})`;
}

const arbActor: fc.Arbitrary<Actor> = fc.oneof(
  fc.nat(PATIENTS - 1).map((index) => ({ kind: 'patient' as const, index })),
  fc.nat(CLINICIANS - 1).map((index) => ({ kind: 'clinician' as const, index })),
  fc.nat(PHARMACIES.length - 1).map((index) => ({ kind: 'pharmacist' as const, index })),
  fc.constant({ kind: 'admin' as const }),
);
/** Half the time the rightful actor, half the time anyone at all. */
const arbWho: fc.Arbitrary<MaybeActor> = fc.oneof(fc.constant(null), arbActor);

async function resetWorld(): Promise<Model> {
  for (const table of ['repeat_requests', 'patient_medicines', 'patient_allergies', 'pharmacy_nominations', 'outbox_messages']) await ctx.dbs.admin.query(`DELETE FROM ${table}`);
  await ctx.dbs.admin.query('UPDATE prescriptions SET repeat_of = NULL');
  await ctx.dbs.admin.query('DELETE FROM prescriptions');
  await ctx.dbs.admin.query('DELETE FROM consultations');
  await ctx.dbs.admin.query('DELETE FROM appointments');
  await ctx.dbs.admin.query('DELETE FROM care_relationships');
  // Sequences run for minutes: keep every signer's second factor fresh (its expiry has its own test).
  await ctx.dbs.admin.query('UPDATE sessions SET second_factor_at = now()');
  // Every sequence starts with no key in use: the first signature of each prescriber makes one.
  await ctx.dbs.admin.query('UPDATE prescriber_keys SET retired_at = now() WHERE retired_at IS NULL');
  return { consultations: [], nomination: new Map(), rx: [], repeats: [], keys: new Map(), currentKey: new Map() };
}

describe('model-based: prescribing, pharmacies and repeats', () => {
  it(`${RUNS} random sequences: statuses as the model says, 0 cross-patient and 0 cross-pharmacy exposures, each presented or viewed`, async () => {
    // Consultations and nominations first, so that most sequences prescribe.
    const setup = fc.tuple(fc.nat(PATIENTS - 1), fc.nat(CLINICIANS - 1), fc.nat(PHARMACIES.length - 1));
    const commands = [
      fc.tuple(fc.nat(PATIENTS - 1), fc.nat(CLINICIANS - 1)).map(([p, c]) => new Consult(p, c)),
      fc.tuple(fc.nat(PATIENTS - 1), fc.nat(PHARMACIES.length - 1)).map(([p, k]) => new Nominate(p, k)),
      fc.tuple(arbWho, fc.nat(10), fc.nat(MEDICINES.length - 1)).map(([a, c, med]) => new Issue(a, c, med)),
      fc.tuple(fc.nat(10), fc.nat(MEDICINES.length - 1)).map(([c, med]) => new Issue(null, c, med)),
      fc.tuple(arbActor, fc.constantFrom('mine' as const, 'pharmacy' as const)).map(([a, w]) => new List(a, w)),
      fc.tuple(arbActor, fc.nat(10)).map(([a, k]) => new Open(a, k)),
      fc.tuple(arbWho, fc.nat(10), fc.constantFrom(3, 4, 7)).map(([a, k, q]) => new Dispense(a, k, q)),
      fc.tuple(fc.nat(10), fc.constantFrom(3, 4, 7)).map(([k, q]) => new Dispense(null, k, q)),
      fc.tuple(arbWho, fc.nat(10)).map(([a, k]) => new Cancel(a, k)),
      fc.tuple(arbWho, fc.nat(10)).map(([a, k]) => new AskRepeat(a, k)),
      fc.tuple(arbWho, fc.nat(10), fc.boolean()).map(([a, k, ok]) => new DecideRepeat(a, k, ok)),
      fc.tuple(arbActor, fc.nat(PATIENTS - 1)).map(([a, p]) => new ReadRecord(a, p)),
      arbActor.map((a) => new ReplaceKey(a)),
      fc.tuple(arbWho, fc.nat(CLINICIANS - 1), fc.nat(5)).map(([a, c, k]) => new RevokeKey(a, c, k)),
    ];
    await fc.assert(
      fc.asyncProperty(setup, fc.commands(commands, { maxCommands: 20, size: 'max' }), async ([p, c, k], cmds) => {
        const model = await resetWorld();
        await new Consult(p, c).run(model);
        await new Nominate(p, k).run(model);
        await fc.asyncModelRun(() => ({ model, real: {} }), cmds);
      }),
      { numRuns: RUNS },
    );
    // The sequences did real work, not only refusals.
    expect(exposures.checked).toBeGreaterThan(RUNS * 3);
    expect(stats.issued).toBeGreaterThan(RUNS / 2);
    expect(stats.dispensed).toBeGreaterThan(RUNS / 10);
    expect(stats.repeatsApproved).toBeGreaterThan(0);
    expect(stats.cancelled).toBeGreaterThan(0);
    expect(keyStats.replaced).toBeGreaterThan(0);
    expect(keyStats.revoked).toBeGreaterThan(0);
  }, 1_200_000);
});
