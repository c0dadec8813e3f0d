import { API, type AccessLog, type Appointment, type AppointmentList, type AppointmentTypeList, type AvailabilityRule, type SlotList } from '@confide/contract';
import { localDate } from '@confide/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { createStaff, registerPatient, type WorldPatient, type WorldStaff } from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let otherGp: WorldStaff;
let alice: WorldPatient;
let bob: WorldPatient;
let gpVideo: string;
const tomorrow = localDate(Date.now() + 86_400_000, 'Europe/London');

/** Weekly hours every day of the week, so tests do not depend on today's weekday. */
async function everyDay(staff: WorldStaff, typeId: string, from: string, to: string): Promise<void> {
  for (let weekday = 1; weekday <= 7; weekday++) {
    const res = await staff.client.post(API.availabilityRules, { appointmentTypeId: typeId, weekday, startTime: from, endTime: to, validFrom: '2026-01-01' });
    expect(res.status, res.text).toBe(201);
  }
}

async function slotsTomorrow(p: WorldPatient): Promise<SlotList['items']> {
  const res = await p.client.get(`${API.slots}?profession=gp&date=${tomorrow}`);
  expect(res.status, res.text).toBe(200);
  return (res.body as SlotList).items;
}

beforeAll(async () => {
  ctx = await createTestApp();
  gp = await createStaff(ctx, 'clinician', 'Dr Booking');
  otherGp = await createStaff(ctx, 'clinician', 'Dr Other');
  alice = await registerPatient(ctx);
  bob = await registerPatient(ctx);
  const types = (await alice.client.get(API.appointmentTypes)).body as AppointmentTypeList;
  gpVideo = types.items.find((t) => t.code === 'gp-video')!.id;
  await everyDay(gp, gpVideo, '09:00', '10:00');
});
afterAll(async () => ctx.close());

describe('availability', () => {
  it('a clinician publishes weekly hours and leave; patients see the resulting slots in London time', async () => {
    const slots = await slotsTomorrow(alice);
    expect(slots.length).toBe(6);
    expect(new Date(slots[0]!.startsAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })).toBe('09:00');
    expect(slots[0]).toMatchObject({ clinicianName: 'Dr Booking', profession: 'gp', mode: 'video', appointmentTypeId: gpVideo });
    const leave = await gp.client.post(API.availabilityExceptions, { kind: 'leave', startsAt: slots[0]!.startsAt, endsAt: slots[2]!.startsAt });
    expect(leave.status).toBe(201);
    expect((await slotsTomorrow(alice)).length).toBe(4);
    expect((await gp.client.request('DELETE', API.availabilityException((leave.body as { id: string }).id))).status).toBe(204);
    expect((await slotsTomorrow(alice)).length).toBe(6);
  });

  it('rejects bad hours with a problem naming the field; only the clinician manages their own', async () => {
    const bad = await gp.client.post(API.availabilityRules, { appointmentTypeId: gpVideo, weekday: 8, startTime: '10:00', endTime: '09:00', validFrom: '2026-01-01' });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(expect.arrayContaining(['body.weekday', 'body.endTime']));
    const mine = (await gp.client.get(API.myAvailability)).body as { rules: AvailabilityRule[] };
    expect((await otherGp.client.request('DELETE', API.availabilityRule(mine.rules[0]!.id))).status).toBe(404);
    expect((await alice.client.get(API.myAvailability)).status).toBe(403);
  });
});

describe('booking', () => {
  it('a patient books, sees it; the GP sees it on their day with the reason; another patient cannot see or change it', async () => {
    const [slot] = await slotsTomorrow(alice);
    const res = await alice.client.post(API.appointments, { clinicianId: slot!.clinicianId, appointmentTypeId: slot!.appointmentTypeId, startsAt: slot!.startsAt, reason: 'Cough for two weeks', access: { route: 'private' } });
    expect(res.status, res.text).toBe(201);
    const booked = res.body as Appointment;
    expect(booked).toMatchObject({ status: 'booked', startsAt: slot!.startsAt, clinician: { name: 'Dr Booking' } });
    expect(((await alice.client.get(API.appointments)).body as AppointmentList).items.map((a) => a.id)).toContain(booked.id);
    expect((await slotsTomorrow(alice)).map((s) => s.startsAt)).not.toContain(slot!.startsAt);

    const day = (await gp.client.get(`${API.clinicianDay}?date=${tomorrow}`)).body as AppointmentList;
    expect(day.items).toEqual([expect.objectContaining({ id: booked.id, reason: 'Cough for two weeks', patient: expect.objectContaining({ id: alice.patientId }) })]);
    expect((await gp.client.get(API.patient(alice.patientId))).status).toBe(200); // booking began a care relationship

    for (const attempt of [bob.client.get(API.appointment(booked.id)), bob.client.post(API.cancelAppointment(booked.id)), otherGp.client.get(API.appointment(booked.id))]) {
      const r = await attempt;
      expect(r.status).toBe(404);
      expect(r.text).not.toContain('Cough');
    }
    expect(((await bob.client.get(API.appointments)).body as AppointmentList).items).toEqual([]);
    expect(((await otherGp.client.get(`${API.clinicianDay}?date=${tomorrow}`)).body as AppointmentList).items).toEqual([]);
  });

  it('refuses a time that is not an open slot', async () => {
    const res = await alice.client.post(API.appointments, { clinicianId: gp.userId, appointmentTypeId: gpVideo, startsAt: `${tomorrow}T03:07:00Z`, reason: 'Headache', access: { route: 'private' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'not_a_slot' });
  });

  it('50 patients booking one slot at once: exactly one succeeds, the rest get a clear 409', async () => {
    const patients = await Promise.all(Array.from({ length: 50 }, () => registerPatient(ctx)));
    const slot = (await slotsTomorrow(alice)).at(-1)!;
    const results = await Promise.all(
      patients.map((p) => p.client.post(API.appointments, { clinicianId: slot.clinicianId, appointmentTypeId: slot.appointmentTypeId, startsAt: slot.startsAt, reason: 'Race for the slot', access: { route: 'private' } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ code: 'slot_taken' });
    const { rows } = await ctx.dbs.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE starts_at = $1 AND status <> 'cancelled'`, [slot.startsAt]);
    expect(rows[0]?.n).toBe(1);
  });

  it('the database itself refuses an overlapping booking for the same clinician', async () => {
    const [slot] = await slotsTomorrow(bob);
    await expect(
      ctx.dbs.admin.query(
        `INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason)
         VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz + interval '10 minutes', 'a'), ($5, $2, $3, $4::timestamptz + interval '5 minutes', $4::timestamptz + interval '15 minutes', 'b')`,
        [alice.patientId, slot!.clinicianId, gpVideo, slot!.startsAt, bob.patientId],
      ),
    ).rejects.toThrow(/appointments_no_double_booking/);
  });

  it('cancelling frees the slot; rescheduling moves to another open time and refuses a taken one', async () => {
    const slots = await slotsTomorrow(bob);
    const book = async (i: number) =>
      (await bob.client.post(API.appointments, { clinicianId: slots[i]!.clinicianId, appointmentTypeId: gpVideo, startsAt: slots[i]!.startsAt, reason: 'Rash on arm', access: { route: 'private' } })).body as Appointment;
    const first = await book(0);
    const cancelled = await bob.client.post(API.cancelAppointment(first.id));
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect((await bob.client.post(API.cancelAppointment(first.id))).body).toMatchObject({ code: 'not_cancellable' });
    expect((await slotsTomorrow(bob)).map((s) => s.startsAt)).toContain(slots[0]!.startsAt);

    const second = await book(0);
    const taken = await book(1);
    const moveOnto = await bob.client.post(API.rescheduleAppointment(second.id), { clinicianId: gp.userId, startsAt: taken.startsAt });
    expect(moveOnto.status).toBe(409);
    const free = (await slotsTomorrow(bob)).find((s) => s.startsAt > taken.startsAt)!;
    const moved = await bob.client.post(API.rescheduleAppointment(second.id), { clinicianId: gp.userId, startsAt: free.startsAt });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ id: second.id, startsAt: free.startsAt, status: 'booked' });
    expect((await alice.client.post(API.rescheduleAppointment(second.id), { clinicianId: gp.userId, startsAt: slots[0]!.startsAt })).status).toBe(404);
  });

  it('every booking, listing and view of an appointment is audited against its patient', async () => {
    const { rows } = await ctx.dbs.admin.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_events WHERE resource_type = 'appointment' AND patient_id = $1`,
      [alice.patientId],
    );
    expect(rows.map((r) => r.action).sort()).toEqual(['created', 'presented']);
    const booked = ((await alice.client.get(API.appointments)).body as AppointmentList).items[0]!;
    await gp.client.get(API.appointment(booked.id));
    const viewed = await ctx.dbs.admin.query<{ actor_user_id: string }>(
      `SELECT actor_user_id FROM audit_events WHERE action = 'viewed' AND resource_type = 'appointment' AND resource_id = $1`,
      [booked.id],
    );
    expect(viewed.rows.map((r) => r.actor_user_id)).toEqual([gp.userId]);
    // …and the patient sees it in plain English in their access history.
    const history = (await alice.client.get(API.myAccessLog)).body as AccessLog;
    expect(history.items).toContainEqual(expect.objectContaining({ actor: { isYou: false, name: 'Dr Booking', role: 'clinician' }, description: 'opened your appointment' }));
  });
});
