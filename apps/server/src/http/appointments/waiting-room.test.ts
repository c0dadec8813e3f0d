import { API, type Appointment, type AppointmentList, type AppointmentTypeList, type SlotList } from '@confide/contract';
import type { Principal } from '@confide/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { createStaff, registerPatient, type WorldPatient, type WorldStaff } from '../../../test/world';
import { withPrincipal } from '../../db/with-principal';

let ctx: TestContext;
let gp: WorldStaff;
let otherGp: WorldStaff;
let patient: WorldPatient;
let stranger: WorldPatient;
let soon: Appointment;

/** An extra session starting in five minutes, so there is an appointment whose check-in is open now. */
async function bookSoon(p: WorldPatient): Promise<Appointment> {
  const slots = ((await p.client.get(`${API.slots}?profession=gp&days=2`)).body as SlotList).items;
  const s = slots.find((x) => x.clinicianId === gp.userId && Date.parse(x.startsAt) - Date.now() < 10 * 60_000)!;
  const res = await p.client.post(API.appointments, { clinicianId: gp.userId, appointmentTypeId: s.appointmentTypeId, startsAt: s.startsAt, reason: 'Earache since Friday', access: { route: 'private' } });
  expect(res.status, res.text).toBe(201);
  return res.body as Appointment;
}

beforeAll(async () => {
  ctx = await createTestApp();
  gp = await createStaff(ctx, 'clinician', 'Dr Waiting');
  otherGp = await createStaff(ctx, 'clinician', 'Dr Elsewhere');
  patient = await registerPatient(ctx);
  stranger = await registerPatient(ctx);
  const types = (await patient.client.get(API.appointmentTypes)).body as AppointmentTypeList;
  const gpVideo = types.items.find((t) => t.code === 'gp-video')!.id;
  const start = new Date(Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000);
  const res = await gp.client.post(API.availabilityExceptions, {
    kind: 'extra', appointmentTypeId: gpVideo, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 60 * 60_000).toISOString(),
  });
  expect(res.status, res.text).toBe(201);
  soon = await bookSoon(patient);
});
afterAll(async () => ctx.close());

describe('waiting room', () => {
  it('the patient checks in; only they can; the GP sees them waiting', async () => {
    expect(((await gp.client.get(API.waitingRoom)).body as AppointmentList).items).toEqual([]);
    expect((await stranger.client.post(API.checkIn(soon.id))).status).toBe(404);
    expect((await gp.client.post(API.checkIn(soon.id))).status).toBe(403);
    const res = await patient.client.post(API.checkIn(soon.id));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'checked_in', checkedInAt: expect.any(String), consultationId: null });
    const waiting = ((await gp.client.get(API.waitingRoom)).body as AppointmentList).items;
    expect(waiting.map((a) => a.id)).toEqual([soon.id]);
    expect(waiting[0]!.patient.id).toBe(patient.patientId);
    expect(((await otherGp.client.get(API.waitingRoom)).body as AppointmentList).items).toEqual([]);
  });

  it('refuses check-in too early', async () => {
    const slots = ((await patient.client.get(`${API.slots}?profession=gp&days=2`)).body as SlotList).items;
    const later = slots.find((x) => Date.parse(x.startsAt) - Date.now() > 30 * 60_000)!;
    const booked = (await patient.client.post(API.appointments, { clinicianId: later.clinicianId, appointmentTypeId: later.appointmentTypeId, startsAt: later.startsAt, reason: 'Follow-up', access: { route: 'private' } })).body as Appointment;
    const res = await patient.client.post(API.checkIn(booked.id));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'check_in_not_open' });
    // Nor can a booked appointment in the future be marked missed.
    expect((await gp.client.post(API.appointmentOutcome(booked.id), { status: 'no_show' })).body).toMatchObject({ code: 'wrong_status' });
  });

  it('only the appointment’s GP admits; admitting creates the consultation with the appointment’s owners', async () => {
    expect((await otherGp.client.post(API.admit(soon.id))).status).toBe(404);
    expect((await patient.client.post(API.admit(soon.id))).status).toBe(403);
    const res = await gp.client.post(API.admit(soon.id));
    expect(res.status, res.text).toBe(200);
    const admitted = res.body as Appointment;
    expect(admitted).toMatchObject({ status: 'in_consultation', consultationId: expect.any(String) });
    const { rows } = await ctx.dbs.admin.query<{ patient_id: string; clinician_user_id: string; appointment_id: string; mode: string }>(
      'SELECT patient_id, clinician_user_id, appointment_id, mode FROM consultations WHERE id = $1',
      [admitted.consultationId],
    );
    expect(rows).toEqual([{ patient_id: patient.patientId, clinician_user_id: gp.userId, appointment_id: soon.id, mode: 'video' }]);
    expect(((await patient.client.get(API.appointment(soon.id))).body as Appointment).consultationId).toBe(admitted.consultationId);
    expect((await gp.client.post(API.admit(soon.id))).body).toMatchObject({ code: 'not_waiting' });
  });

  it('a consultation’s owners can never be changed, even by its own clinician in SQL', async () => {
    const gpPrincipal: Principal = { userId: gp.userId, displayName: 'Dr Waiting', role: 'clinician', sessionId: '00000000-0000-0000-0000-000000000000', patientId: null, organisationId: null, mfaSatisfied: true };
    await expect(
      withPrincipal(ctx.dbs.app, gpPrincipal, (tx) => tx.query('UPDATE consultations SET patient_id = $1 WHERE appointment_id = $2', [stranger.patientId, soon.id])),
    ).rejects.toThrow(/permission denied/);
    // Nor create one for another patient against this appointment.
    await expect(
      withPrincipal(ctx.dbs.app, gpPrincipal, (tx) =>
        tx.query(`INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode) VALUES ($1, $2, $3, 'video')`, [soon.id, stranger.patientId, gp.userId]),
      ),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await ctx.dbs.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM consultations WHERE patient_id = $1', [stranger.patientId]);
    expect(rows[0]!.n).toBe(0);
  });

  it('the GP completes it; the consultation ends', async () => {
    const res = await gp.client.post(API.appointmentOutcome(soon.id), { status: 'completed' });
    expect(res.body).toMatchObject({ status: 'completed' });
    const { rows } = await ctx.dbs.admin.query<{ ended_at: Date | null }>('SELECT ended_at FROM consultations WHERE appointment_id = $1', [soon.id]);
    expect(rows[0]!.ended_at).not.toBeNull();
    expect(((await gp.client.get(API.waitingRoom)).body as AppointmentList).items).toEqual([]);
  });
});
