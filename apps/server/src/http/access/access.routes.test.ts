import { API, type Appointment, type AppointmentList, type AppointmentTypeList, type MyAccess, type PartnerMemberList, type PartnerUsage, type SlotList } from '@confide/contract';
import { localDate, type Principal } from '@confide/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPaymentProvider } from '../../payments/payment-provider';
import { withPrincipal } from '../../db/with-principal';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { createPartner, createStaff, registerPatient, type WorldPartner, type WorldPatient, type WorldStaff } from '../../../test/world';

let ctx: TestContext;
let gp: WorldStaff;
let acme: WorldPartner;
let globex: WorldPartner;
let types: AppointmentTypeList['items'];
let slots: SlotList['items'];
let nextSlot = 0;
const payments = new TestPaymentProvider('paid');
const tomorrow = localDate(Date.now() + 86_400_000, 'Europe/London');
const typeId = (code: string) => types.find((t) => t.code === code)!.id;

beforeAll(async () => {
  ctx = await createTestApp({ payments });
  gp = await createStaff(ctx, 'clinician', 'Dr Access');
  acme = await createPartner(ctx, 'Acme Cover');
  globex = await createPartner(ctx, 'Globex Benefits');
  const someone = await registerPatient(ctx);
  types = ((await someone.client.get(API.appointmentTypes)).body as AppointmentTypeList).items;
  for (let weekday = 1; weekday <= 7; weekday++) {
    const res = await gp.client.post(API.availabilityRules, { appointmentTypeId: typeId('gp-video'), weekday, startTime: '08:00', endTime: '12:00', validFrom: '2026-01-01' });
    expect(res.status, res.text).toBe(201);
  }
  slots = ((await someone.client.get(`${API.slots}?profession=gp&date=${tomorrow}`)).body as SlotList).items;
  expect(slots.length).toBe(24);
});
afterAll(async () => ctx.close());

/** Books the next unused GP slot tomorrow through `access`. */
function book(p: WorldPatient, access: unknown) {
  const s = slots[nextSlot++]!;
  return p.client.post(API.appointments, { clinicianId: s.clinicianId, appointmentTypeId: s.appointmentTypeId, startsAt: s.startsAt, reason: 'Sore throat', access });
}

const routesOf = (access: MyAccess, code: string) => access.bookable.find((b) => b.appointmentType.code === code)!.routes.map((r) => r.route);

async function putMember(partner: WorldPartner, memberNumber: string, dateOfBirth: string, plan = 'essential') {
  return partner.admin.client.request('PUT', API.partnerMember(memberNumber), { givenName: 'Member', familyName: memberNumber, dateOfBirth, plan });
}

describe('NHS registration', () => {
  it('an unregistered patient may book GP appointments only privately; registering adds the NHS route', async () => {
    const p = await registerPatient(ctx);
    const before = (await p.client.get(API.myAccess)).body as MyAccess;
    expect(before.nhs.registered).toBe(false);
    expect(routesOf(before, 'gp-video')).toEqual(['private']);
    const refused = await book(p, { route: 'nhs' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'not_entitled', errors: [{ field: 'body.access' }] });

    const bad = await p.client.post(API.myNhsRegistration, { nhsNumber: '943 476 5918' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'body.nhsNumber' }] });
    const ok = await p.client.post(API.myNhsRegistration, { nhsNumber: '943 476 5919' });
    expect(ok.status, ok.text).toBe(201);
    const after = ok.body as MyAccess;
    expect(after.nhs).toMatchObject({ registered: true, nhsNumber: '9434765919' });
    expect(routesOf(after, 'gp-video')).toEqual(['nhs', 'private']);
    // NHS funding does not cover therapy.
    expect(routesOf(after, 'therapy-video')).toEqual(['private']);
    expect((await p.client.post(API.myNhsRegistration, { nhsNumber: '9434765919' })).status).toBe(409);

    const booked = await book(p, { route: 'nhs' });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({ access: { route: 'nhs', partnerName: null }, payment: null });
  });
});

describe('private pay', () => {
  it('takes the price through the payment provider and records it as paid, with no clinical detail sent', async () => {
    const p = await registerPatient(ctx);
    const before = payments.charges.length;
    const res = await book(p, { route: 'private' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ access: { route: 'private' }, payment: { status: 'paid', amountPence: types.find((t) => t.code === 'gp-video')!.pricePence } });
    expect(payments.charges.length).toBe(before + 1);
    expect(payments.charges.at(-1)).toMatchObject({ currency: 'GBP', description: 'Confide appointment' });
    expect(JSON.stringify(payments.charges.at(-1))).not.toContain('Sore throat');
  });

  it('a declined payment books nothing and leaves the slot free', async () => {
    const declining = await createTestApp({ payments: new TestPaymentProvider('declined'), dbs: ctx.dbs });
    try {
      const p = await registerPatient(declining);
      const s = slots[nextSlot]!;
      const res = await p.client.post(API.appointments, { clinicianId: s.clinicianId, appointmentTypeId: s.appointmentTypeId, startsAt: s.startsAt, reason: 'Rash', access: { route: 'private' } });
      expect(res.status).toBe(402);
      expect(res.body).toMatchObject({ code: 'payment_declined' });
      expect(((await p.client.get(API.appointments)).body as AppointmentList).items).toEqual([]);
      const again = await book(await registerPatient(ctx), { route: 'private' });
      expect(again.status, again.text).toBe(201);
    } finally {
      await declining.close();
    }
  });

  it('with no payment provider there is no private route', async () => {
    const noPay = await createTestApp({ payments: null, dbs: ctx.dbs });
    try {
      const p = await registerPatient(noPay);
      const access = (await p.client.get(API.myAccess)).body as MyAccess;
      expect(routesOf(access, 'gp-video')).toEqual([]);
      const s = slots[nextSlot]!;
      const res = await p.client.post(API.appointments, { clinicianId: s.clinicianId, appointmentTypeId: s.appointmentTypeId, startsAt: s.startsAt, reason: 'Rash', access: { route: 'private' } });
      expect(res.status).toBe(422);
    } finally {
      await noPay.close();
    }
  });
});

describe('partner membership', () => {
  it('a member links by member number and date of birth, books through the partner, and removal stops new bookings', async () => {
    expect((await putMember(acme, 'AC-100', '1985-03-02')).status).toBe(201);
    expect((await putMember(acme, 'AC-100', '1985-03-02')).status).toBe(200);
    const p = await registerPatient(ctx);
    const partners = (await p.client.get(API.partners)).body as { items: { id: string; name: string }[] };
    expect(partners.items.map((x) => x.name)).toEqual(expect.arrayContaining(['Acme Cover', 'Globex Benefits']));

    for (const wrong of [
      { partnerId: acme.organisationId, memberNumber: 'AC-100', dateOfBirth: '1985-03-03' },
      { partnerId: acme.organisationId, memberNumber: 'AC-999', dateOfBirth: '1985-03-02' },
      { partnerId: globex.organisationId, memberNumber: 'AC-100', dateOfBirth: '1985-03-02' },
    ]) {
      const res = await p.client.post(API.myMemberships, wrong);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ errors: [{ field: 'body.memberNumber' }] });
    }
    const linked = await p.client.post(API.myMemberships, { partnerId: acme.organisationId, memberNumber: 'ac-100', dateOfBirth: '1985-03-02' });
    expect(linked.status, linked.text).toBe(201);
    const access = linked.body as MyAccess;
    expect(access.memberships).toMatchObject([{ partnerName: 'Acme Cover', planName: 'Essential', memberNumber: 'AC-100', active: true }]);
    expect(routesOf(access, 'gp-video')).toEqual(['partner', 'private']);
    expect(routesOf(access, 'therapy-video')).toEqual(['private']); // Essential covers GP only
    const membershipId = access.memberships[0]!.id;

    const booked = await book(p, { route: 'partner', membershipId });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({ access: { route: 'partner', partnerName: 'Acme Cover' }, payment: null });

    // Someone else cannot link the same member, nor book through another patient's membership.
    const other = await registerPatient(ctx);
    expect((await other.client.post(API.myMemberships, { partnerId: acme.organisationId, memberNumber: 'AC-100', dateOfBirth: '1985-03-02' })).status).toBe(422);
    expect((await book(other, { route: 'partner', membershipId })).status).toBe(422);

    // The partner removes the member: no new bookings, the existing one stands.
    expect((await acme.admin.client.request('DELETE', API.partnerMember('AC-100'))).status).toBe(204);
    expect((await acme.admin.client.request('DELETE', API.partnerMember('AC-100'))).status).toBe(404);
    const afterRemoval = (await p.client.get(API.myAccess)).body as MyAccess;
    expect(afterRemoval.memberships[0]!.active).toBe(false);
    expect(routesOf(afterRemoval, 'gp-video')).toEqual(['private']);
    expect((await book(p, { route: 'partner', membershipId })).status).toBe(422);
    const mine = ((await p.client.get(API.appointments)).body as AppointmentList).items;
    expect(mine.map((a) => a.id)).toEqual([(booked.body as Appointment).id]);
    expect(mine[0]!.status).toBe('booked');
  });

  it('the database refuses a booking whose route does not cover it, even from code that skips the check', async () => {
    const p = await registerPatient(ctx);
    const s = slots[nextSlot++]!;
    const principal: Principal = { userId: p.userId, displayName: 'x', role: 'patient', sessionId: '00000000-0000-0000-0000-000000000000', patientId: p.patientId, organisationId: null, mfaSatisfied: true };
    const insert = (route: string, membershipId: string | null) =>
      withPrincipal(ctx.dbs.app, principal, (tx) =>
        tx.query(
          `INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, access_route, patient_membership_id)
           VALUES ($1, $2, $3, $4, $4::timestamptz + interval '10 minutes', 'x', $5, $6)`,
          [p.patientId, s.clinicianId, s.appointmentTypeId, s.startsAt, route, membershipId],
        ),
      );
    await expect(insert('nhs', null)).rejects.toThrow(/row-level security/);
    const { rows } = await ctx.dbs.admin.query<{ id: string }>('SELECT id FROM patient_memberships LIMIT 1');
    await expect(insert('partner', rows[0]!.id)).rejects.toThrow(/row-level security|violates/);
    await expect(insert('private', null)).resolves.toBeDefined();
  });
});

describe('partner administration', () => {
  it('loads a member list from CSV: adds, updates and removes, all or nothing', async () => {
    const csv = ['member_number,given_name,family_name,date_of_birth,plan', 'CSV-1,Ada,Lovelace,1990-12-10,essential', 'CSV-2,Alan,Turing,1982-06-23,complete', 'CSV-3,Grace,Hopper,1976-12-09,essential'].join('\n');
    const post = (body: string) => acme.admin.client.request('POST', API.partnerMemberImport, body, { 'content-type': 'text/csv' });
    const first = await post(csv);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ added: 3, updated: 0, removed: 0, unchanged: 0 });
    const second = await post(['member_number,given_name,family_name,date_of_birth,plan,action', 'CSV-1,Ada,Lovelace,1990-12-10,complete,', 'CSV-2,,,,,remove', 'CSV-3,Grace,Hopper,1976-12-09,essential,upsert'].join('\n'));
    expect(second.body).toEqual({ added: 0, updated: 1, removed: 1, unchanged: 1 });

    const bad = await post(['member_number,given_name,family_name,date_of_birth,plan', 'CSV-4,Kathleen,Booth,1922-07-09,essential', 'CSV 5,Edsger,Dijkstra,11/05/1930,gold'].join('\n'));
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['row 3.member_number', 'row 3.date_of_birth']);
    const unknownPlan = await post(['member_number,given_name,family_name,date_of_birth,plan', 'CSV-6,Barbara,Liskov,1939-11-07,gold'].join('\n'));
    expect(unknownPlan.status).toBe(422);
    expect(unknownPlan.body).toMatchObject({ errors: [{ field: 'row 2.plan' }] });
    const missing = await post('member_number,name\nX,Y');
    expect(missing.body).toMatchObject({ errors: [{ field: 'header' }] });

    const list = (await acme.admin.client.get(`${API.partnerMembers}?search=CSV`)).body as PartnerMemberList;
    expect(list.items.map((m) => [m.memberNumber, m.plan])).toEqual([['CSV-3', 'essential'], ['CSV-1', 'complete']]);
    const withRemoved = (await acme.admin.client.get(`${API.partnerMembers}?search=CSV&includeRemoved=true`)).body as PartnerMemberList;
    expect(withRemoved.total).toBe(3);
  });

  it('each partner sees only its own members; nobody else reaches partner administration', async () => {
    await putMember(globex, 'GX-1', '1970-01-01');
    const acmeList = (await acme.admin.client.get(`${API.partnerMembers}?includeRemoved=true`)).body as PartnerMemberList;
    expect(acmeList.items.map((m) => m.memberNumber)).not.toContain('GX-1');
    expect((await acme.admin.client.request('DELETE', API.partnerMember('GX-1'))).status).toBe(404);
    const patient = await registerPatient(ctx);
    for (const client of [patient.client, gp.client]) {
      expect((await client.get(API.partnerMembers)).status).toBe(403);
      expect((await client.get(API.partnerUsage)).status).toBe(403);
    }
    expect((await acme.admin.client.get(API.myAccess)).status).toBe(403);
  });

  it('usage shows counts by appointment type and month only, withholding counts under 5', async () => {
    const month = tomorrow.slice(0, 7);
    const members: WorldPatient[] = [];
    for (let i = 0; i < 5; i++) {
      const dob = `1960-01-${String(i + 10).padStart(2, '0')}`;
      expect((await putMember(globex, `GX-U${i}`, dob)).status).toBe(201);
      const p = await registerPatient(ctx);
      const linked = await p.client.post(API.myMemberships, { partnerId: globex.organisationId, memberNumber: `GX-U${i}`, dateOfBirth: dob });
      expect(linked.status, linked.text).toBe(201);
      members.push(p);
      const membershipId = (linked.body as MyAccess).memberships[0]!.id;
      expect((await book(p, { route: 'partner', membershipId })).status).toBe(201);
      const usage = (await globex.admin.client.get(API.partnerUsage)).body as PartnerUsage;
      expect(usage.items).toEqual([{ month, appointmentTypeName: 'GP appointment', appointments: i + 1 >= 5 ? 5 : null }]);
    }
    // Aggregates only: no names, ids, times or reasons.
    const text = JSON.stringify((await globex.admin.client.get(API.partnerUsage)).body);
    for (const p of members) for (const marker of p.markers) expect(text).not.toContain(marker);
    expect(text).not.toContain('Sore throat');
    expect(text).not.toContain(gp.userId);
  });
});

describe('guessing a membership', () => {
  it('is limited to a few tries per patient per hour', async () => {
    const strict = await createTestApp({ dbs: ctx.dbs, env: { MEMBERSHIP_LINK_ATTEMPTS_PER_HOUR: '3' } });
    try {
      const p = await registerPatient(strict);
      const attempt = (day: number) => p.client.post(API.myMemberships, { partnerId: acme.organisationId, memberNumber: 'AC-777', dateOfBirth: `1980-01-${String(day).padStart(2, '0')}` });
      const statuses = [];
      for (let day = 1; day <= 5; day++) statuses.push((await attempt(day)).status);
      expect(statuses).toEqual([422, 422, 422, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});
