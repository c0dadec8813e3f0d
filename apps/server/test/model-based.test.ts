import { API } from '@confide/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../src/identity/totp';
import { localDate } from '@confide/domain';
import type { Appointment, AppointmentTypeList, MyAccess, ReplayList, ReplayPlayback, SlotList } from '@confide/contract';
import { LocalKeyProvider } from '../src/recordings/key-provider';
import { SESSION_COOKIE } from '../src/http/session-cookie';
import { MemoryBlobStore } from './memory-blob-store';
import { ApiClient, createTestApp, type Reply, type TestContext } from './test-app';
import { addCareRelationship, buildWorld, createPartner, endConsultation, recordSegment, STAFF_PASSWORD, startConsultation, type World, type WorldPartner } from './world';

/**
 * Model-based property test of the whole API. A world of patients, clinicians (each caring for some patients)
 * and a clinic admin; fast-check generates random sequences of API calls by random people, including care
 * relationships starting and ending. After every call: the response carries no data of any patient the caller
 * is not entitled to at that moment, by the model's own rules (independent of the policy module).
 */
const PATIENTS = 5;
const CLINICIANS = 3;
const RUNS = Number(process.env.MODEL_RUNS ?? 200);

let ctx: TestContext;
let world: World;
const recordings = { blobs: new MemoryBlobStore(), keys: new LocalKeyProvider(Buffer.alloc(32, 7)) };
const initialCare = (c: number, p: number) => (c + p) % 3 === 0;

const tomorrow = localDate(Date.now() + 86_400_000, 'Europe/London');
let gpVideo: string;
let partner: WorldPartner;
const MEMBERS = 2;
/** The partner's members: numbers and dates of birth only (the partner's own records, not the patients' markers). */
const member = (k: number) => ({ memberNumber: `MB-${k}`, dateOfBirth: `1970-02-${String(10 + k).padStart(2, '0')}` });

beforeAll(async () => {
  ctx = await createTestApp({ recordings });
  world = await buildWorld(ctx, { patients: PATIENTS, clinicians: CLINICIANS }, initialCare);
  const types = (await world.patients[0]!.client.get(API.appointmentTypes)).body as AppointmentTypeList;
  gpVideo = types.items.find((t) => t.code === 'gp-video')!.id;
  partner = await createPartner(ctx, 'Model Partner');
  for (let k = 0; k < MEMBERS; k++) {
    const res = await partner.admin.client.request('PUT', API.partnerMember(member(k).memberNumber), { givenName: 'Member', familyName: `Number${k}`, dateOfBirth: member(k).dateOfBirth, plan: 'essential' });
    expect(res.status).toBe(201);
  }
  for (const c of world.clinicians) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      await c.client.post(API.availabilityRules, { appointmentTypeId: gpVideo, weekday, startTime: '08:00', endTime: '18:00', validFrom: '2026-01-01' });
    }
  }
}, 120_000);
afterAll(async () => ctx.close());

interface Model {
  care: Map<number, Set<number>>; // clinician index -> patient indexes
  appointments: { id: string; patient: number; clinician: number; cancelled: boolean }[];
  /** member index -> the patient who linked it, and the membership id they got */
  links: Map<number, { patient: number; membershipId: string }>;
  /** member indexes the partner has removed */
  removed: Set<number>;
  /** recorded consultations: id, patient, clinician */
  recordings: { id: string; patient: number; clinician: number }[];
  replaysOn: boolean;
  /** Break-glass grants: clinician index (or 'admin') -> patient indexes (30 minutes: none expires within a sequence) */
  breakGlass: Map<number | 'admin', Set<number>>;
  /** Symptom checks kept by signed-in patients. */
  triage: { id: string; patient: number; deleted: boolean }[];
}
interface Real {
  world: World;
}
type Actor = { kind: 'patient' | 'clinician'; index: number } | { kind: 'admin' } | { kind: 'partner' };

function clientOf(a: Actor): ApiClient {
  if (a.kind === 'patient') return world.patients[a.index]!.client;
  if (a.kind === 'clinician') return world.clinicians[a.index]!.client;
  if (a.kind === 'partner') return partner.admin.client;
  return world.admin.client;
}

function entitledPatients(m: Model, a: Actor): Set<number> {
  if (a.kind === 'patient') return new Set([a.index]);
  if (a.kind === 'clinician') {
    // In their care, or with an appointment with them, even a cancelled one (it stays on their day list).
    const mine = [...m.appointments, ...m.recordings].filter((x) => x.clinician === a.index).map((x) => x.patient);
    return new Set([...(m.care.get(a.index) ?? []), ...mine, ...(m.breakGlass.get(a.index) ?? [])]);
  }
  if (a.kind === 'admin') return new Set(m.breakGlass.get('admin') ?? []);
  return new Set();
}

/** Whether the model lets this actor play (or list, as staff) this recording. */
function mayViewRecording(m: Model, a: Actor, r: Model['recordings'][number]): boolean {
  if (a.kind === 'patient') return a.index === r.patient;
  if (a.kind === 'clinician') return a.index === r.clinician || (m.breakGlass.get(a.index)?.has(r.patient) ?? false);
  if (a.kind === 'admin') return m.breakGlass.get('admin')?.has(r.patient) ?? false;
  return false;
}

const glassKey = (a: Actor): number | 'admin' | null => (a.kind === 'clinician' ? a.index : a.kind === 'admin' ? 'admin' : null);

function assertNoLeak(m: Model, a: Actor, res: Reply, what: string): void {
  // Never a server error (503 is a service switched off, on purpose).
  expect(res.status < 500 || res.status === 503, `${what} answered ${res.status}: ${res.text}`).toBe(true);
  const allowed = entitledPatients(m, a);
  for (const [i, p] of world.patients.entries()) {
    if (allowed.has(i)) continue;
    for (const marker of p.markers) {
      if (res.text.includes(marker)) throw new Error(`LEAK: ${what} by ${JSON.stringify(a)} carried patient ${i}'s ${marker}`);
    }
  }
}

const arbActor: fc.Arbitrary<Actor> = fc.oneof(
  fc.nat(PATIENTS - 1).map((index) => ({ kind: 'patient' as const, index })),
  fc.nat(CLINICIANS - 1).map((index) => ({ kind: 'clinician' as const, index })),
  fc.constant({ kind: 'admin' as const }),
  fc.constant({ kind: 'partner' as const }),
);

class Call implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly call: 'me' | 'session' | 'patient' | 'patients' | 'accessLog' | 'updateContact' | 'staff' | 'verify',
    readonly target: number,
  ) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const c = clientOf(this.actor);
    const target = world.patients[this.target]!;
    const res =
      this.call === 'me' ? await c.get(API.me)
      : this.call === 'session' ? await c.get(API.session)
      : this.call === 'patient' ? await c.get(API.patient(target.patientId))
      : this.call === 'patients' ? await c.get(API.patients)
      : this.call === 'accessLog' ? await c.get(API.myAccessLog)
      : this.call === 'updateContact' ? await c.patch(API.myPatient, { postcode: 'EC1A 1BB' })
      : this.call === 'staff' ? await c.get(API.staff)
      : await c.get(API.auditVerify);
    assertNoLeak(m, this.actor, res, `${this.call}(${this.target})`);
    if (this.call === 'patient') {
      expect(res.status === 200, `patient ${this.target} as ${JSON.stringify(this.actor)}`).toBe(entitledPatients(m, this.actor).has(this.target));
    }
  }
  toString = () => `${JSON.stringify(this.actor)}.${this.call}(${this.target})`;
}

class ChangeCare implements fc.AsyncCommand<Model, Real> {
  constructor(readonly clinician: number, readonly patient: number, readonly start: boolean) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const c = world.clinicians[this.clinician]!;
    const p = world.patients[this.patient]!;
    if (this.start) {
      await ctx.dbs.admin.query('UPDATE care_relationships SET ended_at = NULL WHERE clinician_user_id = $1 AND patient_id = $2', [c.userId, p.patientId]);
      await addCareRelationship(ctx, c.userId, p.patientId);
      m.care.get(this.clinician)!.add(this.patient);
    } else {
      await ctx.dbs.admin.query('UPDATE care_relationships SET ended_at = now() WHERE clinician_user_id = $1 AND patient_id = $2', [c.userId, p.patientId]);
      m.care.get(this.clinician)!.delete(this.patient);
    }
  }
  toString = () => `care(${this.clinician}, ${this.patient}, ${this.start ? 'start' : 'end'})`;
}

/** How a booking is paid for: privately, or through one of the linked memberships (the patient's own or not). */
type BookRoute = 'private' | 'membership';

class Book implements fc.AsyncCommand<Model, Real> {
  constructor(readonly patient: number, readonly clinician: number, readonly pick: number, readonly route: BookRoute = 'private') {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const p = world.patients[this.patient]!;
    const c = world.clinicians[this.clinician]!;
    const slots = await p.client.get(`${API.slots}?profession=gp&date=${tomorrow}`);
    assertNoLeak(m, { kind: 'patient', index: this.patient }, slots, 'slots');
    const mine = (slots.body as SlotList).items.filter((s) => s.clinicianId === c.userId);
    const slot = mine[this.pick % Math.max(1, mine.length)];
    if (!slot) return;
    // Prefer the patient's own membership, but sometimes try someone else's.
    const links = [...m.links.entries()].sort(([, a], [, b]) => Number(b.patient === this.patient) - Number(a.patient === this.patient));
    const via = this.route === 'membership' ? links[this.pick % 3 === 2 ? links.length - 1 : 0] : undefined;
    if (this.route !== 'private' && !via) return;
    const access = via ? { route: 'partner', membershipId: via[1].membershipId } : { route: 'private' };
    const res = await p.client.post(API.appointments, { clinicianId: c.userId, appointmentTypeId: gpVideo, startsAt: slot.startsAt, reason: 'Model-based booking', access });
    assertNoLeak(m, { kind: 'patient', index: this.patient }, res, 'book');
    const entitled = !via || (via[1].patient === this.patient && !m.removed.has(via[0]));
    expect(res.status, res.text).toBe(entitled ? 201 : 422);
    if (!entitled) return;
    m.appointments.push({ id: (res.body as Appointment).id, patient: this.patient, clinician: this.clinician, cancelled: false });
    m.care.get(this.clinician)!.add(this.patient);
  }
  toString = () => `book(${this.patient}, ${this.clinician}, ${this.pick}, ${this.route})`;
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly pick: number) {}
  check = (m: Readonly<Model>) => m.appointments.some((x) => !x.cancelled);
  async run(m: Model): Promise<void> {
    const active = m.appointments.filter((x) => !x.cancelled);
    const target = active[this.pick % active.length]!;
    const res = await clientOf(this.actor).post(API.cancelAppointment(target.id));
    assertNoLeak(m, this.actor, res, 'cancel');
    const owner = this.actor.kind === 'patient' && this.actor.index === target.patient;
    expect(res.status, `cancel by ${JSON.stringify(this.actor)}`).toBe(owner ? 200 : this.actor.kind === 'patient' ? 404 : 403);
    if (owner) target.cancelled = true;
  }
  toString = () => `cancel(${JSON.stringify(this.actor)}, ${this.pick})`;
}

class ViewAppointments implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly pick: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const c = clientOf(this.actor);
    const list = this.actor.kind === 'clinician' ? await c.get(`${API.clinicianDay}?date=${tomorrow}`) : await c.get(API.appointments);
    assertNoLeak(m, this.actor, list, 'appointments list');
    const target = m.appointments[this.pick % Math.max(1, m.appointments.length)];
    if (!target) return;
    const one = await c.get(API.appointment(target.id));
    assertNoLeak(m, this.actor, one, 'appointment');
    const entitled =
      (this.actor.kind === 'patient' && this.actor.index === target.patient) || (this.actor.kind === 'clinician' && this.actor.index === target.clinician);
    expect(one.status === 200, `appointment of patient ${target.patient} as ${JSON.stringify(this.actor)}`).toBe(entitled);
  }
  toString = () => `viewAppointments(${JSON.stringify(this.actor)}, ${this.pick})`;
}

/** Check-in (patients) and admitting (clinicians) on tomorrow's appointments: too early, or not theirs. */
class WaitingRoomStep implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly pick: number) {}
  check = (m: Readonly<Model>) => m.appointments.some((x) => !x.cancelled);
  async run(m: Model): Promise<void> {
    const active = m.appointments.filter((x) => !x.cancelled);
    const target = active[this.pick % active.length]!;
    const c = clientOf(this.actor);
    const res = this.actor.kind === 'clinician' ? await c.post(API.admit(target.id)) : await c.post(API.checkIn(target.id));
    assertNoLeak(m, this.actor, res, 'waiting room');
    const expected =
      this.actor.kind === 'admin' || this.actor.kind === 'partner' ? 403
      : this.actor.kind === 'patient' ? (this.actor.index === target.patient ? 409 : 404)
      : this.actor.index === target.clinician ? 409 : 404;
    expect(res.status, `${res.text} as ${JSON.stringify(this.actor)}`).toBe(expected);
  }
  toString = () => `waitingRoom(${JSON.stringify(this.actor)}, ${this.pick})`;
}

/** A patient links a partner membership by member number and date of birth (sometimes a wrong date). */
class LinkMembership implements fc.AsyncCommand<Model, Real> {
  constructor(readonly patient: number, readonly k: number, readonly rightDate: boolean) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const p = world.patients[this.patient]!;
    const { memberNumber, dateOfBirth } = member(this.k);
    const res = await p.client.post(API.myMemberships, { partnerId: partner.organisationId, memberNumber, dateOfBirth: this.rightDate ? dateOfBirth : '1999-09-09' });
    assertNoLeak(m, { kind: 'patient', index: this.patient }, res, 'link membership');
    const link = m.links.get(this.k);
    const ok = this.rightDate && !m.removed.has(this.k) && (!link || link.patient === this.patient);
    expect(res.status, res.text).toBe(ok ? 201 : 422);
    if (ok && !link) {
      const mine = (res.body as MyAccess).memberships.find((x) => x.memberNumber === memberNumber)!;
      m.links.set(this.k, { patient: this.patient, membershipId: mine.id });
    }
  }
  toString = () => `link(${this.patient}, member ${this.k}, ${this.rightDate ? 'right' : 'wrong'} date)`;
}

/** The partner removes or reinstates a member, and reads its member list and usage: never a patient's data. */
class PartnerStep implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly remove: boolean) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const c = partner.admin.client;
    const { memberNumber, dateOfBirth } = member(this.k);
    const res = this.remove
      ? await c.request('DELETE', API.partnerMember(memberNumber))
      : await c.request('PUT', API.partnerMember(memberNumber), { givenName: 'Member', familyName: `Number${this.k}`, dateOfBirth, plan: 'essential' });
    expect(res.status, res.text).toBe(this.remove ? (m.removed.has(this.k) ? 404 : 204) : 200);
    if (this.remove) m.removed.add(this.k);
    else m.removed.delete(this.k);
    for (const read of [await c.get(API.partnerMembers), await c.get(API.partnerUsage)]) assertNoLeak(m, { kind: 'partner' }, read, 'partner reads');
  }
  toString = () => `partner(${this.remove ? 'remove' : 'reinstate'} member ${this.k})`;
}

/** A consultation happens and is recorded (fixture: the call itself has its own tests). */
class RecordConsultation implements fc.AsyncCommand<Model, Real> {
  constructor(readonly patient: number, readonly clinician: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const { consultationId } = await startConsultation(ctx, world.patients[this.patient]!, world.clinicians[this.clinician]!);
    await recordSegment(ctx, recordings, consultationId, 'clinician', 'audio-2s.webm', 0);
    await recordSegment(ctx, recordings, consultationId, 'patient', 'audio-2s.webm', 0.1);
    await endConsultation(ctx, consultationId);
    m.recordings.push({ id: consultationId, patient: this.patient, clinician: this.clinician });
    m.care.get(this.clinician)!.add(this.patient);
  }
  toString = () => `record(${this.patient}, ${this.clinician})`;
}

/** Anyone opens Consultation Replays: a patient sees exactly their own recordings, each audited as presented. */
class ListReplays implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const before = await presentedCount();
    const res = await clientOf(this.actor).get(API.myReplays);
    assertNoLeak(m, this.actor, res, 'replays');
    if (this.actor.kind !== 'patient') {
      expect(res.status).toBe(403);
      return;
    }
    if (!m.replaysOn) {
      expect(res.body).toMatchObject({ status: 503, code: 'feature_off' });
      return;
    }
    expect(res.status, res.text).toBe(200);
    const index = this.actor.index;
    const listed = (res.body as ReplayList).items.map((r) => r.consultationId);
    expect(new Set(listed)).toEqual(new Set(m.recordings.filter((r) => r.patient === index).map((r) => r.id)));
    // Every exposure audited with the right kind: one `presented` per recording listed.
    expect((await presentedCount()) - before).toBe(listed.length);
  }
  toString = () => `listReplays(${JSON.stringify(this.actor)})`;
}

async function presentedCount(): Promise<number> {
  return recordingAuditCount('presented');
}

async function recordingAuditCount(action: 'presented' | 'viewed'): Promise<number> {
  const { rows } = await ctx.dbs.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_type = 'recording'`, [action]);
  return rows[0]!.n;
}

/** A clinician or admin lists a patient's recordings: their own consultations with them, or all under break-glass. */
class ListPatientReplays implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly patient: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const before = await presentedCount();
    const res = await clientOf(this.actor).get(API.patientReplays(world.patients[this.patient]!.patientId));
    assertNoLeak(m, this.actor, res, 'patient replays');
    if (this.actor.kind === 'patient' || this.actor.kind === 'partner') {
      expect(res.status).toBe(403);
      return;
    }
    if (!m.replaysOn) {
      expect(res.status).toBe(503);
      return;
    }
    expect(res.status, res.text).toBe(200);
    const listed = (res.body as ReplayList).items.map((r) => r.consultationId);
    const expected = m.recordings.filter((r) => r.patient === this.patient && mayViewRecording(m, this.actor, r)).map((r) => r.id);
    expect(new Set(listed)).toEqual(new Set(expected));
    expect((await presentedCount()) - before).toBe(listed.length);
  }
  toString = () => `listPatientReplays(${JSON.stringify(this.actor)}, ${this.patient})`;
}

/**
 * Someone plays a recording (the k-th recorded, or a random id): allowed exactly when the model says so, audited
 * as `viewed` exactly then; the media link serves its viewer (Range) and nobody else, and what it served is counted.
 */
class PlayReplay implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly k: number, readonly intruder: Actor) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const r = m.recordings.length > 0 ? m.recordings[this.k % m.recordings.length]! : null;
    const id = r?.id ?? '00000000-0000-4000-8000-000000000000';
    const before = await recordingAuditCount('viewed');
    const res = await clientOf(this.actor).post(API.consultationReplay(id), {});
    assertNoLeak(m, this.actor, res, 'play');
    const allowed = r !== null && mayViewRecording(m, this.actor, r);
    if (this.actor.kind === 'partner') expect(res.status).toBe(403);
    else if (!m.replaysOn) expect(res.status).toBe(503);
    else expect(res.status, res.text).toBe(allowed ? 200 : 404);
    expect((await recordingAuditCount('viewed')) - before).toBe(res.status === 200 ? 1 : 0);
    if (res.status !== 200) return;
    const playback = res.body as ReplayPlayback;
    const src = playback.tracks[0]!.src;
    const media = async (who: Actor) => ctx.app.inject({ method: 'GET', url: src, headers: { cookie: `${SESSION_COOKIE}=${clientOf(who).cookie}`, range: 'bytes=0-99' } });
    const own = await media(this.actor);
    expect(own.statusCode).toBe(206);
    expect(own.rawPayload.length).toBe(100);
    const { rows } = await ctx.dbs.admin.query<{ bytes_served: number; patient_id: string }>('SELECT bytes_served::int, patient_id FROM replay_viewings WHERE id = $1', [playback.viewingId]);
    expect(rows[0]).toEqual({ bytes_served: 100, patient_id: world.patients[r!.patient]!.patientId });
    // The link is its viewer's alone: anyone else, whatever they may see otherwise, gets nothing.
    if (JSON.stringify(this.intruder) !== JSON.stringify(this.actor)) {
      const other = await media(this.intruder);
      expect([401, 403, 404]).toContain(other.statusCode);
      expect(other.rawPayload.includes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(false);
    }
  }
  toString = () => `play(${JSON.stringify(this.actor)}, #${this.k}, intruder ${JSON.stringify(this.intruder)})`;
}

/** A clinician or clinic admin declares a reason to open a patient's recordings (break-glass). */
class BreakGlass implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly patient: number) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const res = await clientOf(this.actor).post(API.patientBreakGlass(world.patients[this.patient]!.patientId), { reason: 'Model-based test of emergency access' });
    assertNoLeak(m, this.actor, res, 'break-glass');
    const key = glassKey(this.actor);
    if (key === null) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status, res.text).toBe(201);
    if (!m.breakGlass.has(key)) m.breakGlass.set(key, new Set());
    m.breakGlass.get(key)!.add(this.patient);
  }
  toString = () => `breakGlass(${JSON.stringify(this.actor)}, ${this.patient})`;
}

/** Someone starts a symptom check: a patient's is kept in their record (its text names them, so a leak would show). */
class StartTriage implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const name = this.actor.kind === 'patient' ? world.patients[this.actor.index]!.markers[2]! : 'someone';
    const res = await clientOf(this.actor).post(API.myTriageSessions, { text: `${name} has a sore throat and a temperature`, age: 30, sex: 'female' });
    assertNoLeak(m, this.actor, res, 'start triage');
    if (this.actor.kind !== 'patient') {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status, res.text).toBe(201);
    m.triage.push({ id: (res.body as { id: string }).id, patient: this.actor.index, deleted: false });
  }
  toString = () => `startTriage(${JSON.stringify(this.actor)})`;
}

/** Someone opens, answers, lists or deletes the k-th symptom check: only its own patient, and only while it exists. */
class TouchTriage implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor, readonly k: number, readonly action: 'get' | 'answer' | 'list' | 'delete') {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const c = clientOf(this.actor);
    const s = m.triage.length > 0 ? m.triage[this.k % m.triage.length]! : null;
    const id = s?.id ?? '00000000-0000-4000-8000-000000000000';
    const res = this.action === 'get' ? await c.get(API.myTriageSession(id))
      : this.action === 'answer' ? await c.post(API.myTriageSessionAnswers(id), { findingId: 'cough', answer: false })
        : this.action === 'list' ? await c.get(API.myTriageSessions)
          : await c.request('DELETE', API.myTriageSession(id));
    assertNoLeak(m, this.actor, res, `triage ${this.action}`);
    if (this.actor.kind !== 'patient') {
      expect(res.status).toBe(403);
      return;
    }
    const index = this.actor.index;
    if (this.action === 'list') {
      expect(new Set((res.body as { items: { id: string }[] }).items.map((i) => i.id))).toEqual(new Set(m.triage.filter((t) => t.patient === index && !t.deleted).map((t) => t.id)));
      return;
    }
    const mine = s !== null && s.patient === index && !s.deleted;
    expect(res.status, res.text).toBe(mine ? (this.action === 'delete' ? 204 : 200) : 404);
    if (mine && this.action === 'delete') s.deleted = true;
  }
  toString = () => `triage(${JSON.stringify(this.actor)}, ${this.action} #${this.k})`;
}

/** A clinic admin switches Consultation Replays off or on (kill switch). */
class SwitchReplays implements fc.AsyncCommand<Model, Real> {
  constructor(readonly on: boolean) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const res = await world.admin.client.request('PUT', API.adminFeature('replays'), { enabled: this.on, reason: 'model-based test' });
    expect(res.status, res.text).toBe(200);
    m.replaysOn = this.on;
  }
  toString = () => `switchReplays(${this.on ? 'on' : 'off'})`;
}

class SignOutAndIn implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const c = clientOf(this.actor);
    expect((await c.post(API.logout)).status).toBe(204);
    c.cookie = null;
    c.csrfToken = null;
    let res: Reply;
    if (this.actor.kind === 'patient') {
      const p = world.patients[this.actor.index]!;
      res = await c.login(p.email, p.password);
    } else {
      const s = this.actor.kind === 'clinician' ? world.clinicians[this.actor.index]! : this.actor.kind === 'partner' ? partner.admin : world.admin;
      // The server refuses a code's time step twice; the test forgets the last one, as 30 seconds passing would.
      await ctx.dbs.admin.query('UPDATE users SET totp_last_step = NULL WHERE id = $1', [s.userId]);
      res = await c.login(s.email, STAFF_PASSWORD, currentTotpCode(s.totpSecret));
    }
    expect(res.status, res.text).toBe(200);
    assertNoLeak(m, this.actor, res, 'login');
  }
  toString = () => `signOutAndIn(${JSON.stringify(this.actor)})`;
}

/** Every sequence starts from the same care relationships, no bookings and no linked memberships. */
async function resetWorld(): Promise<Model> {
  await ctx.dbs.admin.query('DELETE FROM outbox_messages WHERE appointment_id IS NOT NULL');
  for (const table of ['triage_sessions', 'replay_viewings', 'replay_tracks', 'recording_segments', 'consultation_messages', 'consultation_notes', 'consultation_summaries', 'break_glass_grants']) {
    await ctx.dbs.admin.query(`DELETE FROM ${table}`);
  }
  recordings.blobs.blobs.clear();
  await ctx.dbs.admin.query('DELETE FROM consultations');
  await ctx.dbs.admin.query('DELETE FROM payments');
  await ctx.dbs.admin.query('DELETE FROM appointments');
  await ctx.dbs.admin.query('DELETE FROM patient_memberships');
  await ctx.dbs.admin.query('UPDATE partner_members SET removed_at = NULL');
  await ctx.dbs.admin.query('UPDATE care_relationships SET ended_at = now()');
  const care = new Map<number, Set<number>>();
  for (let c = 0; c < CLINICIANS; c++) {
    care.set(c, new Set());
    for (let p = 0; p < PATIENTS; p++) {
      if (!initialCare(c, p)) continue;
      await ctx.dbs.admin.query('UPDATE care_relationships SET ended_at = NULL WHERE clinician_user_id = $1 AND patient_id = $2', [
        world.clinicians[c]!.userId, world.patients[p]!.patientId,
      ]);
      care.get(c)!.add(p);
    }
  }
  expect((await world.admin.client.request('PUT', API.adminFeature('replays'), { enabled: true, reason: 'model-based test reset' })).status).toBe(200);
  return { care, appointments: [], links: new Map(), removed: new Set<number>(), recordings: [], replaysOn: true, breakGlass: new Map(), triage: [] };
}

const arbBook = fc.tuple(fc.nat(PATIENTS - 1), fc.nat(CLINICIANS - 1), fc.nat(50), fc.constantFrom<BookRoute>('private', 'membership'))
  .map(([p, c, k, r]) => new Book(p, c, k, r));
const arbLink = fc.tuple(fc.nat(PATIENTS - 1), fc.nat(MEMBERS - 1), fc.nat(3)).map(([p, k, d]) => new LinkMembership(p, k, d > 0));
const arbPartnerStep = fc.tuple(fc.nat(MEMBERS - 1), fc.boolean()).map(([k, r]) => new PartnerStep(k, r));

describe('model-based: no response ever carries a patient the caller is not entitled to', () => {
  it(`holds over ${RUNS} random sequences of API calls`, async () => {
    const commands = [
      fc.tuple(arbActor, fc.constantFrom('me', 'session', 'patient', 'patients', 'accessLog', 'updateContact', 'staff', 'verify') as fc.Arbitrary<Call['call']>, fc.nat(PATIENTS - 1))
        .map(([a, call, t]) => new Call(a, call, t)),
      fc.tuple(fc.nat(CLINICIANS - 1), fc.nat(PATIENTS - 1), fc.boolean()).map(([c, p, s]) => new ChangeCare(c, p, s)),
      arbActor.map((a) => new SignOutAndIn(a)),
      arbBook,
      arbLink,
      arbPartnerStep,
      fc.tuple(arbActor, fc.nat(50)).map(([a, k]) => new Cancel(a, k)),
      fc.tuple(arbActor, fc.nat(50)).map(([a, k]) => new ViewAppointments(a, k)),
      fc.tuple(arbActor, fc.nat(50)).map(([a, k]) => new WaitingRoomStep(a, k)),
      fc.tuple(fc.nat(PATIENTS - 1), fc.nat(CLINICIANS - 1)).map(([p, c]) => new RecordConsultation(p, c)),
      arbActor.map((a) => new ListReplays(a)),
      fc.tuple(arbActor, fc.nat(20), arbActor).map(([a, k, i]) => new PlayReplay(a, k, i)),
      fc.boolean().map((on) => new SwitchReplays(on)),
      arbActor.map((a) => new StartTriage(a)),
      fc.tuple(arbActor, fc.nat(20), fc.constantFrom('get' as const, 'answer' as const, 'list' as const, 'delete' as const)).map(([a, k, x]) => new TouchTriage(a, k, x)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const model = await resetWorld();
        await fc.asyncModelRun(() => ({ model, real: { world } }), cmds);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it(`replays: listing, playback, break-glass and the kill switch — ${RUNS * 5} sequences, 0 cross-patient exposures, each presented or viewed`, async () => {
    const commands = [
      fc.tuple(fc.nat(PATIENTS - 1), fc.nat(CLINICIANS - 1)).map(([p, c]) => new RecordConsultation(p, c)),
      arbActor.map((a) => new ListReplays(a)),
      fc.tuple(arbActor, fc.nat(PATIENTS - 1)).map(([a, p]) => new ListPatientReplays(a, p)),
      fc.tuple(arbActor, fc.nat(20), arbActor).map(([a, k, i]) => new PlayReplay(a, k, i)),
      fc.tuple(arbActor, fc.nat(20), arbActor).map(([a, k, i]) => new PlayReplay(a, k, i)),
      fc.tuple(arbActor, fc.nat(PATIENTS - 1)).map(([a, p]) => new BreakGlass(a, p)),
      fc.boolean().map((on) => new SwitchReplays(on)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 8 }), async (cmds) => {
        const model = await resetWorld();
        await fc.asyncModelRun(() => ({ model, real: { world } }), cmds);
      }),
      { numRuns: RUNS * 5 },
    );
  }, 900_000);

  it(`memberships: only a current member books through the partner, only through their own link (${RUNS / 2} sequences)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands([arbLink, arbPartnerStep, arbBook], { maxCommands: 15 }), async (cmds) => {
        const model = await resetWorld();
        await fc.asyncModelRun(() => ({ model, real: { world } }), cmds);
      }),
      { numRuns: RUNS / 2 },
    );
  }, 600_000);
});
