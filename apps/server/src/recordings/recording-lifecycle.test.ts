import type { Participant } from '@confide/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app';
import { MemoryBlobStore } from '../../test/memory-blob-store';
import { createStaff, registerPatient, startConsultation, type WorldPatient, type WorldStaff } from '../../test/world';
import type { ConsultationOwner } from '../db/repositories/consultation.repository';
import * as consultations from '../services/consultations.service';
import { newRequestContext } from '../services/request-context';
import type { ServiceDeps } from '../services/service-deps';
import { LocalKeyProvider } from './key-provider';
import { ParticipantRecording } from './participant-recording';
import { loadSegment } from './segment-sink';

/**
 * Model-based test of the call/recording lifecycle: random histories of joins, segments, switches to video and back,
 * network drops, rejoins, server crashes and restarts, and ends, across consultations that share a clinician (where
 * a recording could be attached to the wrong one). After every history: each stored segment belongs to exactly one
 * consultation and to that consultation's patient — its row, its owner-bound encryption and the media inside agree —
 * none is orphaned, and everything handed over while the call was open and before a crash was stored.
 */
const RUNS = Number(process.env.RECORDING_MODEL_RUNS ?? 1000);

let ctx: TestContext;
let deps: ServiceDeps;
const blobs = new MemoryBlobStore();
const keys = new LocalKeyProvider(Buffer.alloc(32, 3));
let patients: WorldPatient[];
let clinicians: WorldStaff[];
let segmentsChecked = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  // The services this test drives use only the databases and configuration.
  deps = { dbs: ctx.dbs, config: ctx.config, hasher: null as never, faults: {}, payments: null, recorder: null, tripwire: null as never, features: null as never, recordings: { blobs, keys }, mediaStreams: null as never, symptomChecker: null as never, formulary: null as never };
  patients = [await registerPatient(ctx), await registerPatient(ctx)];
  clinicians = [await createStaff(ctx, 'clinician', 'Dr Lifecycle'), await createStaff(ctx, 'clinician', 'Dr Other Lifecycle')];
}, 60_000);
afterAll(async () => ctx.close());

/** Consultation k: 0 = patient 0 with clinician 0, 1 = patient 1 with clinician 0 (shared clinician), 2 = patient 1 with clinician 1. */
const PAIRS = [[0, 0], [1, 0], [1, 1]] as const;
const PARTICIPANTS: Participant[] = ['patient', 'clinician'];

interface Connection {
  recording: ParticipantRecording;
  video: boolean;
}

interface Model {
  consultations: ConsultationOwner[];
  ended: Set<number>;
  connections: Map<string, Connection>;
  /** Segments handed over while allowed, by consultation and participant: their media markers. */
  expected: Map<string, string[]>;
  /** Markers that may be missing (handed over just before a crash). */
  mayBeLost: Set<string>;
  counter: number;
}

const key = (k: number, p: Participant) => `${k}:${p}`;
const principalFor = (m: Model, k: number, p: Participant) => {
  const [pi, ci] = PAIRS[k]!;
  const who = p === 'patient' ? patients[pi]! : clinicians[ci]!;
  return { userId: who.userId, displayName: 'x', role: p === 'patient' ? 'patient' as const : 'clinician' as const, sessionId: '00000000-0000-0000-0000-000000000000', patientId: p === 'patient' ? patients[pi]!.patientId : null, organisationId: null, mfaSatisfied: true };
};

type Command = fc.AsyncCommand<Model, object>;

class Join implements Command {
  constructor(readonly k: number, readonly p: Participant) {}
  check = (m: Readonly<Model>) => !m.ended.has(this.k);
  async run(m: Model): Promise<void> {
    const principal = principalFor(m, this.k, this.p);
    const request = newRequestContext({ ip: null, requestId: null });
    // The owner comes from the consultation row, through the same service the signalling socket uses.
    const joined = await consultations.joinConsultation(deps, request, principal, m.consultations[this.k]!.consultationId);
    const owner = { consultationId: joined.record.consultationId, patientId: joined.record.patientId, clinicianId: joined.record.clinicianId };
    const previous = m.connections.get(key(this.k, this.p));
    const recording = new ParticipantRecording(
      { blobs, keys, commit: (s) => consultations.commitSegment(deps, request, principal, owner, s) },
      owner, this.p,
      () => consultations.nextSegmentSeq(deps, request, principal, owner, this.p),
      (err) => { throw err; },
    );
    m.connections.set(key(this.k, this.p), { recording, video: false });
    if (previous) await previous.recording.flushed(); // the replaced connection closes and flushes
  }
  toString = () => `join(${this.k}, ${this.p})`;
}

/** The connection `pick` chooses among those open (commands act on live connections, so histories record). */
function connected(m: Readonly<Model>, pick: number): { k: number; p: Participant; conn: Connection } {
  const entries = [...m.connections.entries()];
  const [id, conn] = entries[pick % entries.length]!;
  const [k, p] = id.split(':');
  return { k: Number(k), p: p as Participant, conn };
}

class Segment implements Command {
  constructor(readonly pick: number) {}
  k = -1;
  p: Participant = 'patient';
  check = (m: Readonly<Model>) => m.connections.size > 0;
  async run(m: Model): Promise<void> {
    const { k, p, conn } = connected(m, this.pick);
    this.k = k;
    this.p = p;
    m.counter += 1;
    const marker = `${m.consultations[k]!.consultationId}|${p}|${conn.video ? 'av' : 'a'}|${m.counter}`;
    const list = m.expected.get(key(k, p)) ?? [];
    list.push(marker);
    m.expected.set(key(k, p), list);
    conn.recording.add({ bytes: Buffer.from(`WEBM ${marker}`), hasAudio: true, hasVideo: conn.video, startedAt: new Date(), endedAt: new Date() });
  }
  toString = () => `segment(#${this.pick})`;
}

class Switch implements Command {
  constructor(readonly pick: number, readonly video: boolean) {}
  check = (m: Readonly<Model>) => m.connections.size > 0;
  async run(m: Model): Promise<void> {
    connected(m, this.pick).conn.video = this.video;
  }
  toString = () => `switch(#${this.pick}, ${this.video ? 'video' : 'audio'})`;
}

class Drop implements Command {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.connections.size > 0;
  async run(m: Model): Promise<void> {
    const { k, p, conn } = connected(m, this.pick);
    m.connections.delete(key(k, p));
    await conn.recording.flushed();
  }
  toString = () => `drop(#${this.pick})`;
}

/** The server dies: segments not yet stored may be lost (at most those in flight); every connection is gone. */
class Crash implements Command {
  check = () => true;
  async run(m: Model): Promise<void> {
    for (const [k, list] of m.expected) {
      if (m.connections.has(k)) for (const marker of list.slice(-2)) m.mayBeLost.add(marker);
    }
    // In-flight stores run to completion or fail on their own; the new server starts with no connections.
    await Promise.all([...m.connections.values()].map((c) => c.recording.flushed()));
    m.connections.clear();
  }
  toString = () => 'crash()';
}

class End implements Command {
  constructor(readonly k: number) {}
  check = (m: Readonly<Model>) => !m.ended.has(this.k);
  async run(m: Model): Promise<void> {
    for (const p of PARTICIPANTS) await m.connections.get(key(this.k, p))?.recording.flushed();
    for (const p of PARTICIPANTS) m.connections.delete(key(this.k, p));
    // Ended, and past the grace period for late segments.
    await ctx.dbs.admin.query(`UPDATE consultations SET ended_at = now() - interval '5 minutes' WHERE id = $1`, [m.consultations[this.k]!.consultationId]);
    m.ended.add(this.k);
  }
  toString = () => `end(${this.k})`;
}

async function checkInvariants(m: Model): Promise<void> {
  for (const c of m.connections.values()) await c.recording.flushed();
  const ids = m.consultations.map((c) => c.consultationId);
  const { rows } = await ctx.dbs.admin.query<{ id: string; consultation_id: string; patient_id: string; clinician_user_id: string; participant: Participant; seq: number; blob_key: string; wrapped_key: string; has_video: boolean }>(
    'SELECT * FROM recording_segments WHERE consultation_id = ANY($1::uuid[]) ORDER BY consultation_id, participant, seq',
    [ids],
  );
  const stored = new Map<string, string[]>();
  segmentsChecked += rows.length;
  for (const r of rows) {
    const k = ids.indexOf(r.consultation_id);
    const owner = m.consultations[k]!;
    // The row names the consultation's own patient and clinician.
    expect([r.patient_id, r.clinician_user_id]).toEqual([owner.patientId, owner.clinicianId]);
    // It decrypts only as that owner's, and the media inside is the media handed over for it.
    const plain = (await loadSegment({ blobs, keys }, owner, { id: r.id, blobKey: r.blob_key, wrappedKey: r.wrapped_key })).toString();
    const marker = plain.replace(/^WEBM /, '');
    const [consultationId, participant, kind] = marker.split('|');
    expect([consultationId, participant]).toEqual([r.consultation_id, r.participant]);
    expect(r.has_video).toBe(kind === 'av');
    const list = stored.get(key(k, r.participant)) ?? [];
    list.push(marker);
    stored.set(key(k, r.participant), list);
  }
  for (const [k, want] of m.expected) {
    const got = stored.get(k) ?? [];
    // Nothing stored that was not handed over, in order; nothing missing but what a crash may have cut.
    expect(got.filter((x) => !want.includes(x))).toEqual([]);
    expect(want.filter((x) => !got.includes(x) && !m.mayBeLost.has(x))).toEqual([]);
    const seqs = rows.filter((r) => key(ids.indexOf(r.consultation_id), r.participant) === k).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i));
  }
  // No orphan: every blob of these consultations has its row.
  const keysWithRows = new Set(rows.map((r) => r.blob_key));
  for (const r of rows) expect(blobs.blobs.has(r.blob_key)).toBe(true);
  expect(keysWithRows.size).toBe(rows.length);
}

describe('recording lifecycle (model-based)', () => {
  it(`every recording belongs to exactly one consultation and its patient, none orphaned or mis-attributed, over ${RUNS} histories`, async () => {
    const k = fc.nat(PAIRS.length - 1);
    const p = fc.constantFrom<Participant>(...PARTICIPANTS);
    const commands = [
      fc.tuple(k, p).map(([a, b]) => new Join(a, b)),
      fc.tuple(k, p).map(([a, b]) => new Join(a, b)),
      fc.nat(5).map((a) => new Segment(a)),
      fc.nat(5).map((a) => new Segment(a)),
      fc.nat(5).map((a) => new Segment(a)),
      fc.tuple(fc.nat(5), fc.boolean()).map(([a, v]) => new Switch(a, v)),
      fc.nat(5).map((a) => new Drop(a)),
      fc.constant(new Crash()),
      k.map((a) => new End(a)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20, size: 'max' }), async (cmds) => {
        const owners: ConsultationOwner[] = [];
        for (const [pi, ci] of PAIRS) {
          const { consultationId } = await startConsultation(ctx, patients[pi]!, clinicians[ci]!);
          owners.push({ consultationId, patientId: patients[pi]!.patientId, clinicianId: clinicians[ci]!.userId });
        }
        const model: Model = { consultations: owners, ended: new Set(), connections: new Map(), expected: new Map(), mayBeLost: new Set(), counter: 0 };
        await fc.asyncModelRun(() => ({ model, real: {} }), cmds);
        await checkInvariants(model);
      }),
      { numRuns: RUNS },
    );
    // The histories really record (not just join and leave).
    expect(segmentsChecked).toBeGreaterThan(RUNS);
  }, 900_000);
});
