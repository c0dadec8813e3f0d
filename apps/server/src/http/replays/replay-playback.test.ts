import { API, CSRF_HEADER, type AccessLog, type ReplayPlayback } from '@confide/contract';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../../db/database';
import { LocalKeyProvider } from '../../recordings/key-provider';
import { SESSION_COOKIE } from '../session-cookie';
import { MemoryBlobStore } from '../../../test/memory-blob-store';
import { syntheticSegment } from '../../../test/synthetic-media';
import { createTestApp, type ApiClient, type TestContext } from '../../../test/test-app';
import { createStaff, endConsultation, recordSegment, registerPatient, signIn, startConsultation, type WorldPatient, type WorldStaff } from '../../../test/world';

let ctx: TestContext;
const recordings = { blobs: new MemoryBlobStore(), keys: new LocalKeyProvider(Buffer.alloc(32, 9)) };
let gp: WorldStaff;
let otherGp: WorldStaff;
let admin: WorldStaff;
let alice: WorldPatient;
let bob: WorldPatient;
let aliceConsultation: string;

/** A consultation as recorded: the clinician's audio, the patient's audio then (after a switch) audio and video. */
async function recordedConsultation(patient: WorldPatient, clinician: WorldStaff, end = true): Promise<string> {
  const { consultationId } = await startConsultation(ctx, patient, clinician, 'audio');
  await recordSegment(ctx, recordings, consultationId, 'clinician', 'audio-2s.webm', 0);
  await recordSegment(ctx, recordings, consultationId, 'clinician', 'audio-2s.webm', 2);
  await recordSegment(ctx, recordings, consultationId, 'patient', 'audio-2s.webm', 0.2);
  await recordSegment(ctx, recordings, consultationId, 'patient', 'audio-video-2s.webm', 2.2);
  if (end) await endConsultation(ctx, consultationId);
  return consultationId;
}

beforeAll(async () => {
  ctx = await createTestApp({ recordings, env: { FEATURE_POLL_MS: '200' } });
  gp = await createStaff(ctx, 'clinician', 'Dr Playback');
  otherGp = await createStaff(ctx, 'clinician', 'Dr Elsewhere');
  admin = await createStaff(ctx, 'clinic_admin', 'Playback Admin');
  [alice, bob] = [await registerPatient(ctx), await registerPatient(ctx)];
  aliceConsultation = await recordedConsultation(alice, gp);
}, 60_000);
afterAll(async () => ctx.close());

const play = async (client: ApiClient, consultationId: string, viewingId?: string) => client.post(API.consultationReplay(consultationId), viewingId ? { viewingId } : {});

/** Media through the app, bytes intact (the JSON client reads text). */
async function media(client: ApiClient, src: string, range?: string) {
  const res = await ctx.app.inject({
    method: 'GET', url: src,
    headers: { ...(client.cookie ? { cookie: `${SESSION_COOKIE}=${client.cookie}` } : {}), ...(range ? { range } : {}) },
  });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

async function servedBytes(viewingId: string): Promise<{ patient: number; clinician: number; total: number }> {
  const { rows } = await ctx.dbs.admin.query<{ p: string; c: string; total: string }>(
    `SELECT (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(served_patient) r) AS p,
            (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(served_clinician) r) AS c, bytes_served AS total
     FROM replay_viewings WHERE id = $1`,
    [viewingId],
  );
  return { patient: Number(rows[0]!.p), clinician: Number(rows[0]!.c), total: Number(rows[0]!.total) };
}

describe('playing a recording', () => {
  it('composes each participant’s track, streams it decrypted with Range, and audits the viewing with what was served', async () => {
    const res = await play(alice.client, aliceConsultation);
    expect(res.status).toBe(200);
    const p = res.body as ReplayPlayback;
    expect(p.tracks.map((t) => [t.participant, t.hasVideo])).toEqual([['clinician', false], ['patient', true]]);
    expect(p.tracks[0]!.name).toBe('Dr Playback');
    expect(p.durationSeconds).toBeGreaterThan(4);
    expect(Date.parse(p.linkExpiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const patientTrack = p.tracks.find((t) => t.participant === 'patient')!;

    const whole = await media(alice.client, patientTrack.src);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/webm');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['cache-control']).toContain('no-store');
    const input = new Input({ source: new BufferSource(whole.bytes), formats: ALL_FORMATS });
    expect(await input.computeDuration()).toBeGreaterThan(4);
    expect(await input.getPrimaryVideoTrack()).not.toBeNull();

    // Seek: any range is the same bytes as the whole, decrypted from the chunks that hold it.
    const size = whole.bytes.length;
    const mid = Math.floor(size / 2);
    for (const [range, from, to] of [['bytes=0-99', 0, 100], [`bytes=${size - 5000}-`, size - 5000, size], [`bytes=${mid}-${mid + 9}`, mid, mid + 10], ['bytes=-10', size - 10, size]] as const) {
      const part = await media(alice.client, patientTrack.src, range);
      expect(part.status, range).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${from}-${to - 1}/${size}`);
      expect(part.bytes.equals(whole.bytes.subarray(from, to)), range).toBe(true);
    }
    expect((await media(alice.client, patientTrack.src, `bytes=${size}-`)).status).toBe(416);

    const served = await servedBytes(p.viewingId);
    expect(served.patient).toBe(size); // the union of what was sent: the whole track
    expect(served.total).toBe(size + 100 + 5000 + 10 + 10);
    const { rows } = await ctx.dbs.admin.query<{ action: string; detail: { viewingId?: string } }>(
      `SELECT action, detail FROM audit_events WHERE resource_type = 'recording' AND resource_id = $1 AND actor_user_id = $2 ORDER BY id`,
      [aliceConsultation, alice.userId],
    );
    expect(rows).toEqual([{ action: 'viewed', detail: { viewingId: p.viewingId } }]);
  });

  it('the patient’s access history says who played which recording and how much of it', async () => {
    const p = (await play(gp.client, aliceConsultation)).body as ReplayPlayback;
    const clinicianTrack = p.tracks.find((t) => t.participant === 'clinician')!;
    const whole = await media(gp.client, clinicianTrack.src);
    await media(gp.client, clinicianTrack.src, `bytes=0-${Math.floor(whole.bytes.length / 2)}`);
    const log = (await alice.client.get(API.myAccessLog)).body as AccessLog;
    const gpView = log.items.find((e) => e.action === 'viewed' && e.actor.name === 'Dr Playback')!;
    expect(gpView).toMatchObject({ resourceType: 'recording', breakGlass: false });
    expect(gpView.description).toMatch(/played your consultation recording/);
    expect(gpView.recording).toMatchObject({ clinicianName: 'Dr Playback' });
    expect(gpView.recording!.secondsPlayed).toBeGreaterThan(0);
    expect(gpView.recording!.secondsPlayed).toBeLessThanOrEqual(gpView.recording!.ofSeconds!);
  });

  it('a media link works only for its viewer, in the session that started it, and for 5 minutes', async () => {
    const p = (await play(alice.client, aliceConsultation)).body as ReplayPlayback;
    const src = p.tracks[0]!.src;
    expect((await media(alice.client, src, 'bytes=0-9')).status).toBe(206);
    // Another patient, the treating clinician, an admin, no session, and Alice herself signed in elsewhere: 404.
    const aliceElsewhere = await signIn(ctx, alice);
    for (const [who, client] of [['bob', bob.client], ['gp', gp.client], ['admin', admin.client], ['alice, other session', aliceElsewhere]] as const) {
      const res = await media(client, src, 'bytes=0-9');
      expect(res.status, who).toBe(404);
      expect(res.bytes.toString()).not.toContain('webm');
    }
    expect((await media({ cookie: null } as ApiClient, src)).status).toBe(401);
    // A forged link of the right shape: 404, like a missing one.
    expect((await media(alice.client, API.replayMedia('A'.repeat(43), 'patient'))).status).toBe(404);
    // Renewing the link: the old one stops at once, the new one serves the same viewing.
    const renewed = (await play(alice.client, aliceConsultation, p.viewingId)).body as ReplayPlayback;
    expect(renewed.viewingId).toBe(p.viewingId);
    expect((await media(alice.client, src, 'bytes=0-9')).status).toBe(404);
    expect((await media(alice.client, renewed.tracks[0]!.src, 'bytes=0-9')).status).toBe(206);
    expect((await play(bob.client, aliceConsultation, p.viewingId)).status).toBe(404);
    // Expired.
    await ctx.dbs.admin.query(`UPDATE replay_viewings SET link_issued_at = now() - interval '6 minutes', link_expires_at = now() - interval '1 minute' WHERE id = $1`, [p.viewingId]);
    expect((await media(alice.client, renewed.tracks[0]!.src, 'bytes=0-9')).status).toBe(404);
  });

  it('nobody else can start playing it: another patient, an unrelated clinician, an admin without break-glass', async () => {
    for (const [who, client] of [['bob', bob.client], ['other gp', otherGp.client], ['admin', admin.client]] as const) {
      const res = await play(client, aliceConsultation);
      expect(res.status, who).toBe(404);
      expect(res.text).not.toContain(aliceConsultation.slice(0, 8) + 'x');
    }
    const { rows } = await ctx.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'denied' AND resource_id = $1 AND patient_id = $2`,
      [aliceConsultation, alice.patientId],
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('under break-glass a clinician may play it, and the viewing is marked as break-glass', async () => {
    const res = await otherGp.client.post(API.patientBreakGlass(alice.patientId), { reason: 'Reviewing a reported clinical concern' });
    expect(res.status).toBe(201);
    const p = (await play(otherGp.client, aliceConsultation)).body as ReplayPlayback;
    expect(p.breakGlass).toBe(true);
    expect((await media(otherGp.client, p.tracks[0]!.src, 'bytes=0-9')).status).toBe(206);
    const log = (await alice.client.get(API.myAccessLog)).body as AccessLog;
    expect(log.items.find((e) => e.action === 'viewed' && e.actor.name === 'Dr Elsewhere')).toMatchObject({ breakGlass: true });
  });

  it('a consultation still in progress is not ready; one without a recording is not found', async () => {
    const live = await recordedConsultation(bob, gp, false);
    const res = await play(bob.client, live);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'replay_not_ready' });
    const { consultationId: silent } = await startConsultation(ctx, bob, gp);
    await endConsultation(ctx, silent);
    expect((await play(bob.client, silent)).status).toBe(404);
  });

  it('erasing the recording shreds its composed tracks too: the media can no longer be served or decrypted', async () => {
    const env = await createTestApp({ recordings, dbs: ctx.dbs, env: { RECORDING_ERASURE: 'allowed' } });
    try {
      const id = await recordedConsultation(bob, gp);
      const cookie = { cookie: `${SESSION_COOKIE}=${bob.client.cookie}`, [CSRF_HEADER]: bob.client.csrfToken! };
      const started = await env.app.inject({ method: 'POST', url: API.consultationReplay(id), payload: {}, headers: cookie });
      const p = started.json<ReplayPlayback>();
      const { rows: tracks } = await ctx.dbs.admin.query<{ blob_key: string }>('SELECT blob_key FROM replay_tracks WHERE consultation_id = $1', [id]);
      expect(tracks).toHaveLength(2);
      expect((await env.app.inject({ method: 'POST', url: API.consultationReplayErase(id), payload: {}, headers: cookie })).statusCode).toBe(200);
      expect((await env.app.inject({ method: 'GET', url: p.tracks[0]!.src, headers: cookie })).statusCode).toBe(404);
      const { rows } = await ctx.dbs.admin.query<{ wrapped_key: string | null }>('SELECT wrapped_key FROM replay_tracks WHERE consultation_id = $1', [id]);
      expect(rows.every((r) => r.wrapped_key === null)).toBe(true);
      for (const t of tracks) expect(recordings.blobs.blobs.has(t.blob_key)).toBe(false);
    } finally {
      await env.close();
    }
  });
});

describe('the replays kill switch', () => {
  it('switching replays off ends a media stream already in flight, and refuses new ones', async () => {
    const { consultationId } = await startConsultation(ctx, bob, gp);
    await recordSegment(ctx, recordings, consultationId, 'patient', await syntheticSegment(24), 0);
    await endConsultation(ctx, consultationId);
    const p = (await play(bob.client, consultationId)).body as ReplayPlayback;
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}${p.tracks[0]!.src}`, { headers: { cookie: `${SESSION_COOKIE}=${bob.client.cookie}` } });
    const total = Number(res.headers.get('content-length'));
    const reader = res.body!.getReader();
    let received = (await reader.read()).value?.length ?? 0;
    expect(received).toBeGreaterThan(0);
    expect((await admin.client.request('PUT', API.adminFeature('replays'), { enabled: false, reason: 'Investigating an incident' })).status).toBe(200);
    let ended: 'done' | 'error';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.length;
      }
      ended = 'done';
    } catch {
      ended = 'error';
    }
    expect(ended).toBe('error');
    expect(received).toBeLessThan(total);
    expect((await play(bob.client, consultationId)).status).toBe(503);
    expect((await admin.client.request('PUT', API.adminFeature('replays'), { enabled: true, reason: 'Incident closed' })).status).toBe(200);
    // What was served before the switch is on the viewing.
    await new Promise((r) => setTimeout(r, 100));
    const served = await servedBytes(p.viewingId);
    expect(served.patient).toBeGreaterThan(0);
    expect(served.patient).toBeLessThan(total);
  });
});

describe('the tripwire on media (the reference breach at playback)', () => {
  /** The owner's connection as the app's (RLS off): only to show what the other layers stop. */
  const ownerAsApp = (dbs: Databases): Databases => ({ app: dbs.admin, admin: dbs.admin, close: async () => undefined });

  it('with the track lookup mis-assigning recordings and RLS off, the tripwire serves 0 bytes and opens an incident naming the track', async () => {
    const mine = await recordedConsultation(alice, gp);
    const p = (await play(alice.client, mine)).body as ReplayPlayback;
    // Bob's recording is composed after Alice's: the faulty lookup picks it.
    const theirs = await recordedConsultation(bob, gp);
    expect((await play(bob.client, theirs)).status).toBe(200);
    const { rows: bobTracks } = await ctx.dbs.admin.query<{ id: string }>('SELECT id FROM replay_tracks WHERE consultation_id = $1 AND shredded_at IS NULL', [theirs]);

    const withRls = await createTestApp({ recordings, dbs: ctx.dbs, faults: { replayMediaMixup: true } });
    const bare = await createTestApp({ recordings, dbs: ownerAsApp(ctx.dbs), faults: { replayMediaMixup: true, policyOff: true, rlsOff: true } });
    try {
      const headers = { cookie: `${SESSION_COOKIE}=${alice.client.cookie}` };
      // RLS alone keeps the faulty lookup to Alice's own tracks.
      const safe = await withRls.app.inject({ method: 'GET', url: p.tracks[0]!.src, headers });
      expect([200, 404]).toContain(safe.statusCode);
      // With RLS and the policy off too, the tripwire blocks it.
      const before = Date.now();
      const res = await bare.app.inject({ method: 'GET', url: p.tracks[0]!.src, headers });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.rawPayload.includes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(false); // no WebM header: 0 bytes of media
      const { rows } = await ctx.dbs.admin.query<{ patient_ids: string[]; resources: { type: string; id: string }[]; opened_at: Date }>(
        `SELECT patient_ids, resources, opened_at FROM incidents WHERE route = 'GET /api/v1/replay-media/:link/:participant' ORDER BY opened_at DESC LIMIT 1`,
      );
      expect(rows[0]!.patient_ids).toEqual([bob.patientId]);
      expect(rows[0]!.resources.map((r) => r.id).some((id) => bobTracks.some((t) => t.id === id))).toBe(true);
      expect(rows[0]!.opened_at.getTime() - before).toBeLessThan(1000);
    } finally {
      await withRls.close();
      await bare.close();
    }
  });
});
