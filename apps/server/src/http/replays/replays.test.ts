import { API, type FeatureList, type IncidentList, type OutboxList, type ReplayList } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../../db/database';
import { openCall } from '../../../test/call-client';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { addRecordingSegment, createStaff, registerPatient, startConsultation, type WorldPatient, type WorldStaff } from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let admin: WorldStaff;
let alice: WorldPatient;
let bob: WorldPatient;
let carol: WorldPatient;
const recorded = new Map<string, string[]>(); // patientId -> consultation ids with recordings

beforeAll(async () => {
  ctx = await createTestApp({ env: { FEATURE_POLL_MS: '200' } });
  gp = await createStaff(ctx, 'clinician', 'Dr Replay');
  admin = await createStaff(ctx, 'clinic_admin', 'Replay Admin');
  [alice, bob, carol] = [await registerPatient(ctx), await registerPatient(ctx), await registerPatient(ctx)];
  for (const [p, n] of [[alice!, 22], [bob!, 2], [carol!, 1]] as const) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { consultationId } = await startConsultation(ctx, p, gp);
      await addRecordingSegment(ctx, consultationId, 'clinician', 5);
      await addRecordingSegment(ctx, consultationId, 'patient', 6);
      ids.push(consultationId);
    }
    recorded.set(p.patientId, ids);
  }
  // A consultation without a recording is not a replay.
  await startConsultation(ctx, alice!, gp);
});
afterAll(async () => ctx.close());

/** The owner's connection as the app's (RLS off): only to show what the other layers stop. */
const ownerAsApp = (dbs: Databases): Databases => ({ app: dbs.admin, admin: dbs.admin, close: async () => undefined });

describe('Consultation Replays listing', () => {
  it('lists the patient’s own recordings, newest first, 20 a page, each one audited as presented', async () => {
    const first = (await alice!.client.get(API.myReplays)).body as ReplayList;
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ clinician: { name: 'Dr Replay', profession: 'gp' }, appointmentType: { mode: 'audio' }, durationSeconds: 6, hasVideo: false });
    const starts = first.items.map((r) => Date.parse(r.startedAt));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const second = (await alice!.client.get(`${API.myReplays}?cursor=${first.nextCursor}`)).body as ReplayList;
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r) => r.consultationId))).toEqual(new Set(recorded.get(alice!.patientId)));
    const { rows } = await ctx.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'presented' AND resource_type = 'recording' AND patient_id = $1 AND actor_user_id = $2`,
      [alice!.patientId, alice!.userId],
    );
    expect(rows[0]!.n).toBe(22);
    expect(((await bob!.client.get(API.myReplays)).body as ReplayList).items.map((r) => r.consultationId)).toEqual([...recorded.get(bob!.patientId)!].reverse());
    expect((await gp.client.get(API.myReplays)).status).toBe(403);
    expect((await alice!.client.get(`${API.myReplays}?cursor=nonsense`)).status).toBe(400);
  });
});

describe('the reference breach, reproduced: the listing query forgets its patient filter', () => {
  it('row-level security alone stops it (policy module off)', async () => {
    const leaky = await createTestApp({ dbs: ctx.dbs, faults: { replayListingLeak: true, policyOff: true } });
    try {
      const res = await leaky.app.inject({ method: 'GET', url: `${API.myReplays}?cursor=9999999999999_ffffffff-ffff-4fff-bfff-ffffffffffff`, headers: { cookie: `__Host-confide_session=${carol!.client.cookie}` } });
      expect(res.statusCode).toBe(200);
      expect((res.json() as ReplayList).items.map((r) => r.consultationId)).toEqual(recorded.get(carol!.patientId));
    } finally {
      await leaky.close();
    }
  });

  it('with RLS off too, the tripwire blocks it: nothing served, an incident naming exactly who and what, admins alerted within a second', async () => {
    const leaky = await createTestApp({ dbs: ownerAsApp(ctx.dbs), faults: { replayListingLeak: true, policyOff: true, rlsOff: true } });
    try {
      const started = Date.now();
      const res = await leaky.app.inject({ method: 'GET', url: API.myReplays, headers: { cookie: `__Host-confide_session=${carol!.client.cookie}` } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ title: 'Something went wrong' });
      for (const p of [alice!, bob!]) {
        for (const id of recorded.get(p.patientId)!) expect(res.body).not.toContain(id);
        for (const marker of p.markers) expect(res.body).not.toContain(marker);
      }
      const incidents = (await admin.client.get(`${API.adminIncidents}?status=open`)).body as IncidentList;
      const incident = incidents.items.find((i) => i.actor.userId === carol!.userId && i.route === 'GET /api/v1/me/replays')!;
      expect(incident).toBeDefined();
      expect(Date.parse(incident.openedAt) - started).toBeLessThan(1000);
      expect(new Set(incident.patientIds)).toEqual(new Set([alice!.patientId, bob!.patientId]));
      // Exactly the other patients' recordings that were on the page (the first 20, newest first): nothing of Carol's own.
      const shown = new Set(incident.resources.map((r) => r.id));
      expect(incident.resources.every((r) => r.type === 'consultation' && r.patientId !== carol!.patientId)).toBe(true);
      for (const id of recorded.get(carol!.patientId)!) expect(shown.has(id)).toBe(false);
      expect(incident.resources.length).toBe(19); // 20 on the page, one of them Carol's own
      expect(incident.bytesServed).toBe(0);
      // Every admin was alerted; the patients see a blocked attempt in their access history.
      const outbox = (await admin.client.get(API.outbox)).body as OutboxList;
      expect(outbox.items.some((m) => m.subject.includes('cross-patient exposure was blocked') && m.body.includes(incident.id))).toBe(true);
      const { rows } = await ctx.dbs.admin.query<{ patient_id: string }>(
        `SELECT DISTINCT patient_id FROM audit_events WHERE action = 'denied' AND detail->>'incidentId' = $1`,
        [incident.id],
      );
      expect(new Set(rows.map((r) => r.patient_id))).toEqual(new Set([alice!.patientId, bob!.patientId]));
    } finally {
      await leaky.close();
    }
  });

  it('with the tripwire off as well, it leaks (so the tests above can fail)', async () => {
    const naked = await createTestApp({ dbs: ownerAsApp(ctx.dbs), faults: { replayListingLeak: true, policyOff: true, rlsOff: true, tripwireOff: true } });
    try {
      const res = await naked.app.inject({ method: 'GET', url: API.myReplays, headers: { cookie: `__Host-confide_session=${carol!.client.cookie}` } });
      expect(res.statusCode).toBe(200);
      expect((res.json() as ReplayList).items.some((r) => recorded.get(alice!.patientId)!.includes(r.consultationId))).toBe(true);
    } finally {
      await naked.close();
    }
  });
});

describe('kill switches', () => {
  it('a clinic admin turns replays and booking off; every server refuses within seconds; then on again', async () => {
    const otherServer = await createTestApp({ dbs: ctx.dbs, env: { FEATURE_POLL_MS: '200' } });
    try {
      expect((await alice!.client.request('PUT', API.adminFeature('replays'), { enabled: false, reason: '' })).status).toBe(400);
      expect((await alice!.client.request('PUT', API.adminFeature('replays'), { enabled: false, reason: 'testing' })).status).toBe(403);
      const off = await admin.client.request('PUT', API.adminFeature('replays'), { enabled: false, reason: 'Investigating a report' });
      expect(off.status, off.text).toBe(200);
      expect(off.body).toMatchObject({ feature: 'replays', enabled: false, changedBy: 'Replay Admin' });
      // This server at once; the other at its next poll.
      expect((await alice!.client.get(API.myReplays)).body).toMatchObject({ status: 503, code: 'feature_off' });
      const started = Date.now();
      for (;;) {
        const res = await otherServer.app.inject({ method: 'GET', url: API.myReplays, headers: { cookie: `__Host-confide_session=${alice!.client.cookie}` } });
        if (res.statusCode === 503) break;
        expect(Date.now() - started).toBeLessThan(3000);
        await new Promise((r) => setTimeout(r, 50));
      }
      const features = (await alice!.client.get(API.features)).body as FeatureList;
      expect(features.items.find((f) => f.feature === 'replays')).toMatchObject({ enabled: false, reason: 'Investigating a report' });

      await admin.client.request('PUT', API.adminFeature('booking'), { enabled: false, reason: 'Maintenance' });
      const booking = await alice!.client.post(API.appointments, { clinicianId: gp.userId, appointmentTypeId: gp.userId, startsAt: new Date().toISOString(), reason: 'Cough', access: { route: 'private' } });
      expect(booking.body).toMatchObject({ status: 503, code: 'feature_off', detail: 'Booking is temporarily unavailable. Please try again later.' });

      for (const feature of ['replays', 'booking']) {
        expect((await admin.client.request('PUT', API.adminFeature(feature), { enabled: true, reason: 'All clear' })).status).toBe(200);
      }
      expect((await alice!.client.get(API.myReplays)).status).toBe(200);
    } finally {
      await otherServer.close();
    }
  });

  it('in-call chat switched off is refused on the call socket', async () => {
    const { consultationId } = await startConsultation(ctx, bob!, gp);
    const call = await openCall(ctx.app, bob!.client, consultationId);
    try {
      call.send({ type: 'join', recordingNoticeSeen: true });
      await call.next('welcome');
      await admin.client.request('PUT', API.adminFeature('chat'), { enabled: false, reason: 'Abuse report' });
      call.send({ type: 'chat', text: 'hello' });
      expect(await call.next('error')).toMatchObject({ code: 'feature_off' });
      await admin.client.request('PUT', API.adminFeature('chat'), { enabled: true, reason: 'Resolved' });
      call.send({ type: 'chat', text: 'hello again' });
      expect((await call.next('chat')).message.text).toBe('hello again');
    } finally {
      call.close();
    }
  });
});

describe('incidents', () => {
  it('a clinic admin closes an incident with a resolution; nobody else can list or close them', async () => {
    const open = ((await admin.client.get(`${API.adminIncidents}?status=open`)).body as IncidentList).items;
    expect(open.length).toBeGreaterThan(0);
    expect((await gp.client.get(API.adminIncidents)).status).toBe(403);
    expect((await gp.client.post(API.adminIncidentClose(open[0]!.id), { resolution: 'nothing' })).status).toBe(403);
    const closed = await admin.client.post(API.adminIncidentClose(open[0]!.id), { resolution: 'Test fault: the listing filter was removed on purpose.' });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'Replay Admin' });
    expect((await admin.client.post(API.adminIncidentClose(open[0]!.id), { resolution: 'again' })).status).toBe(404);
  });
});
