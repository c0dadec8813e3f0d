import { API, SIGNAL_CLOSE, type AccessLog, type Consultation, type SavedConsultationNotes } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCall, type CallClient } from '../../../test/call-client';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { addCareRelationship, createPartner, createStaff, registerPatient, startConsultation, type WorldPatient, type WorldStaff } from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let otherGp: WorldStaff;
let patient: WorldPatient;
let otherPatient: WorldPatient;
const open: CallClient[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  gp = await createStaff(ctx, 'clinician', 'Dr Signal');
  otherGp = await createStaff(ctx, 'clinician', 'Dr Elsewhere');
  patient = await registerPatient(ctx);
  otherPatient = await registerPatient(ctx);
});
afterAll(async () => {
  for (const c of open) c.close();
  await ctx.close();
});

async function join(who: { client: WorldPatient['client'] }, consultationId: string): Promise<CallClient> {
  const call = await openCall(ctx.app, who.client, consultationId);
  open.push(call);
  call.send({ type: 'join', recordingNoticeSeen: true });
  return call;
}

describe('the call’s signalling socket', () => {
  it('joins the patient and the clinician, relays negotiation between them, and keeps the chat with the consultation', async () => {
    const { consultationId } = await startConsultation(ctx, patient, gp, 'audio');
    const p = await join(patient, consultationId);
    const welcomeP = await p.next('welcome');
    expect(welcomeP).toMatchObject({ you: 'patient', polite: true, mode: 'audio', peerPresent: false, chat: [] });
    const c = await join(gp, consultationId);
    expect(await c.next('welcome')).toMatchObject({ you: 'clinician', polite: false, peerPresent: true });
    expect(await p.next('peer')).toEqual({ type: 'peer', present: true });

    c.send({ type: 'description', channel: 'peer', description: { type: 'offer', sdp: 'v=0 offer' } });
    expect(await p.next('description')).toEqual({ type: 'description', channel: 'peer', description: { type: 'offer', sdp: 'v=0 offer' } });
    p.send({ type: 'candidate', channel: 'peer', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } });
    expect((await c.next('candidate')).candidate?.candidate).toContain('127.0.0.1');
    c.send({ type: 'media', audio: true, video: true });
    expect(await p.next('media')).toEqual({ type: 'media', from: 'clinician', audio: true, video: true });

    p.send({ type: 'chat', text: 'Can you hear me?' });
    expect((await c.next('chat')).message).toMatchObject({ from: 'patient', text: 'Can you hear me?' });
    expect((await p.next('chat')).message.text).toBe('Can you hear me?');
    const stored = (await patient.client.get(API.consultation(consultationId))).body as Consultation;
    expect(stored.chat.map((m) => [m.from, m.text])).toEqual([['patient', 'Can you hear me?']]);

    p.close();
    expect(await c.next('peer')).toEqual({ type: 'peer', present: false });
    // Rejoining gets the chat so far.
    const again = await join(patient, consultationId);
    expect((await again.next('welcome')).chat.map((m) => m.text)).toEqual(['Can you hear me?']);
  });

  it('refuses everyone else at the socket, as if the consultation did not exist, and audits the attempt', async () => {
    const { consultationId } = await startConsultation(ctx, patient, gp);
    // Even a clinician caring for the patient may not enter another clinician's call.
    await addCareRelationship(ctx, otherGp.userId, patient.patientId);
    const partner = await createPartner(ctx, 'Signal Partner');
    for (const client of [otherPatient.client, otherGp.client, partner.admin.client]) {
      await expect(openCall(ctx.app, client, consultationId)).rejects.toThrow(/Unexpected server response: (404|403)/);
    }
    await expect(openCall(ctx.app, null, consultationId)).rejects.toThrow(/Unexpected server response: 401/);
    await expect(openCall(ctx.app, otherPatient.client, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/404/);
    // Another site's page cannot open the socket with the patient's cookie.
    await expect(openCall(ctx.app, patient.client, consultationId, 'https://evil.example')).rejects.toThrow(/403/);

    const log = (await patient.client.get(API.myAccessLog)).body as AccessLog;
    const denied = log.items.filter((e) => e.action === 'denied' && e.resourceType === 'consultation');
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(denied)).not.toContain(otherPatient.markers[2]!);
  });

  it('requires the recording notice first, and answers bad messages without dropping the call', async () => {
    const { consultationId } = await startConsultation(ctx, patient, gp);
    const call = await openCall(ctx.app, patient.client, consultationId);
    open.push(call);
    call.send({ type: 'chat', text: 'hello' });
    expect(await call.next('error')).toMatchObject({ code: 'join_first' });
    call.send({ type: 'join', recordingNoticeSeen: false });
    expect(await call.next('error')).toMatchObject({ code: 'bad_message' });
    call.socket.send('not json');
    expect(await call.next('error')).toMatchObject({ code: 'bad_message' });
    call.send({ type: 'join', recordingNoticeSeen: true });
    await call.next('welcome');
    call.send({ type: 'chat', text: '' });
    expect(await call.next('error')).toMatchObject({ code: 'bad_message', detail: 'Type a message.' });
    call.send({ type: 'end' });
    expect(await call.next('error')).toMatchObject({ code: 'not_allowed' });
  });

  it('joining again elsewhere replaces the old connection', async () => {
    const { consultationId } = await startConsultation(ctx, patient, gp);
    const first = await join(patient, consultationId);
    await first.next('welcome');
    const second = await join(patient, consultationId);
    await second.next('welcome');
    expect(await first.waitClosed()).toBe(SIGNAL_CLOSE.replaced);
  });

  it('the clinician ends the consultation for both: completed, and nobody can rejoin', async () => {
    const { consultationId, appointmentId } = await startConsultation(ctx, patient, gp);
    const p = await join(patient, consultationId);
    const c = await join(gp, consultationId);
    await p.next('welcome');
    await c.next('welcome');
    c.send({ type: 'end' });
    await p.next('ended');
    expect(await p.waitClosed()).toBe(SIGNAL_CLOSE.ended);
    const { rows } = await ctx.dbs.admin.query<{ status: string; ended: boolean }>(
      'SELECT a.status, c.ended_at IS NOT NULL AS ended FROM appointments a JOIN consultations c ON c.appointment_id = a.id WHERE a.id = $1',
      [appointmentId],
    );
    expect(rows).toEqual([{ status: 'completed', ended: true }]);
    await expect(openCall(ctx.app, patient.client, consultationId)).rejects.toThrow(/409/);
  });
});

describe('notes after the call', () => {
  it('the clinician writes SOAP notes and an outcome, and shares a summary the patient can read; nobody else reads either', async () => {
    const { consultationId } = await startConsultation(ctx, patient, gp);
    const notes = { subjective: 'Earache 3 days', objective: 'Afebrile on video', assessment: 'Otitis externa', plan: 'Drops, review 1 week', outcomes: ['advice', 'prescription'], patientSummary: 'Use the ear drops for 7 days.' };
    const saved = await gp.client.request('PUT', API.consultationNotes(consultationId), notes);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ ...notes, updatedAt: expect.any(String) });
    expect(((await gp.client.get(API.consultationNotes(consultationId))).body as SavedConsultationNotes).assessment).toBe('Otitis externa');

    expect((await patient.client.get(API.consultationNotes(consultationId))).status).toBe(403);
    const mine = (await patient.client.get(API.consultation(consultationId))).body as Consultation;
    expect(mine.summary).toBe('Use the ear drops for 7 days.');
    expect(JSON.stringify(mine)).not.toContain('Otitis externa');
    for (const client of [otherGp.client, otherPatient.client]) {
      expect((await client.get(API.consultation(consultationId))).status).toBe(404);
    }
    expect((await otherGp.client.get(API.consultationNotes(consultationId))).status).toBe(404);

    const bad = await gp.client.request('PUT', API.consultationNotes(consultationId), { ...notes, outcomes: ['surgery'] });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors[0]!.field).toMatch(/^body\.outcomes/);
  });
});
