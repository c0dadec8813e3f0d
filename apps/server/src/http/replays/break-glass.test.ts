import { API, type AccessLog, type OutboxList, type ReplayList } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { addRecordingSegment, createStaff, registerPatient, startConsultation, type WorldPatient, type WorldStaff } from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let stranger: WorldStaff;
let admin: WorldStaff;
let patient: WorldPatient;
let other: WorldPatient;
let consultationId: string;
let othersConsultation: string;

beforeAll(async () => {
  ctx = await createTestApp();
  gp = await createStaff(ctx, 'clinician', 'Dr Treating');
  stranger = await createStaff(ctx, 'clinician', 'Dr On Call');
  admin = await createStaff(ctx, 'clinic_admin', 'Glass Admin');
  patient = await registerPatient(ctx);
  other = await registerPatient(ctx);
  ({ consultationId } = await startConsultation(ctx, patient, gp));
  await addRecordingSegment(ctx, consultationId);
  ({ consultationId: othersConsultation } = await startConsultation(ctx, other, gp));
  await addRecordingSegment(ctx, othersConsultation);
});
afterAll(async () => ctx.close());

const replaysOf = async (who: WorldStaff, p: WorldPatient) => {
  const res = await who.client.get(`/api/v1/patients/${p.patientId}/replays`);
  expect(res.status, res.text).toBe(200);
  return (res.body as ReplayList).items.map((r) => r.consultationId);
};

describe('break-glass', () => {
  it('the treating clinician sees the recording; another clinician sees nothing until they declare a reason', async () => {
    expect(await replaysOf(gp, patient)).toEqual([consultationId]);
    expect(await replaysOf(stranger, patient)).toEqual([]);
    expect((await patient.client.post(`/api/v1/patients/${patient.patientId}/break-glass`, { reason: 'I want to see it myself' })).status).toBe(403);
    const short = await stranger.client.post(`/api/v1/patients/${patient.patientId}/break-glass`, { reason: 'urgent' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ errors: [{ field: 'body.reason' }] });
    expect((await stranger.client.post('/api/v1/patients/00000000-0000-4000-8000-000000000000/break-glass', { reason: 'Patient collapsed, need the last consultation' })).status).toBe(404);

    const opened = await stranger.client.post(`/api/v1/patients/${patient.patientId}/break-glass`, { reason: 'Patient collapsed in A&E; need the last consultation' });
    expect(opened.status, opened.text).toBe(201);
    const minutes = (Date.parse((opened.body as { expiresAt: string }).expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    expect(await replaysOf(stranger, patient)).toEqual([consultationId]);
    // Only that patient.
    expect(await replaysOf(stranger, other)).toEqual([]);
  });

  it('alerts the clinic admins and shows the patient who, when and why', async () => {
    const outbox = (await admin.client.get(API.outbox)).body as OutboxList;
    expect(outbox.items.some((m) => m.subject.includes('break-glass') && m.body.includes('Dr On Call'))).toBe(true);
    const log = (await patient.client.get(API.myAccessLog)).body as AccessLog;
    const glass = log.items.filter((e) => e.breakGlass);
    expect(glass.length).toBeGreaterThanOrEqual(2); // the declaration and the listing
    expect(glass.find((e) => e.resourceType === 'break-glass')).toMatchObject({ actor: { name: 'Dr On Call' }, reason: 'Patient collapsed in A&E; need the last consultation' });
    expect(glass.find((e) => e.resourceType === 'recording')).toMatchObject({ action: 'presented', actor: { name: 'Dr On Call' } });
    // The treating clinician's own access is not break-glass.
    expect(log.items.filter((e) => e.actor.name === 'Dr Treating' && e.breakGlass)).toEqual([]);
    // The other patient's history shows nothing of it.
    const theirs = (await other.client.get(API.myAccessLog)).body as AccessLog;
    expect(theirs.items.some((e) => e.breakGlass)).toBe(false);
  });

  it('ends after 30 minutes', async () => {
    await ctx.dbs.admin.query(
      `UPDATE break_glass_grants SET created_at = now() - interval '31 minutes', expires_at = now() - interval '1 minute' WHERE granted_to = $1`,
      [stranger.userId],
    );
    expect(await replaysOf(stranger, patient)).toEqual([]);
  });

  it('a clinic admin may break glass too, and sees nothing before', async () => {
    expect(await replaysOf(admin, patient)).toEqual([]);
    expect((await admin.client.post(`/api/v1/patients/${patient.patientId}/break-glass`, { reason: 'Complaint investigation ref 2026-114' })).status).toBe(201);
    expect(await replaysOf(admin, patient)).toEqual([consultationId]);
  });
});
