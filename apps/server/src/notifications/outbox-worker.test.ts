import { API, type Appointment, type AppointmentTypeList, type SlotList } from '@confide/contract';
import { localDate } from '@confide/domain';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app';
import { createStaff, registerPatient, type WorldPatient, type WorldStaff } from '../../test/world';
import { withPrincipal } from '../db/with-principal';
import { OutboxWorker } from './outbox-worker';
import { MemoryTransport, SmtpTransport } from './transports';

let ctx: TestContext;
let gp: WorldStaff;
let patient: WorldPatient;
let email: MemoryTransport;
let sms: MemoryTransport;
let worker: OutboxWorker;
const tomorrow = localDate(Date.now() + 86_400_000, 'Europe/London');
const REASON = 'Lump in my neck, worried';

interface Row {
  kind: string;
  channel: string;
  to_address: string;
  subject: string;
  body: string;
  send_after: Date;
  attachment: string | null;
  sent_at: Date | null;
  withdrawn_at: Date | null;
}
const messagesFor = async (appointmentId: string) =>
  (await ctx.dbs.admin.query<Row>('SELECT * FROM outbox_messages WHERE appointment_id = $1 ORDER BY created_at, kind, channel', [appointmentId])).rows;

async function book(i = 0): Promise<Appointment> {
  const slots = ((await patient.client.get(`${API.slots}?profession=gp&date=${tomorrow}`)).body as SlotList).items;
  const s = slots[i]!;
  const res = await patient.client.post(API.appointments, { clinicianId: s.clinicianId, appointmentTypeId: s.appointmentTypeId, startsAt: s.startsAt, reason: REASON, access: { route: 'private' } });
  expect(res.status, res.text).toBe(201);
  return res.body as Appointment;
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { REMINDER_LEAD_MINUTES: '60' } });
  gp = await createStaff(ctx, 'clinician', 'Dr Messenger');
  patient = await registerPatient(ctx);
  const types = (await patient.client.get(API.appointmentTypes)).body as AppointmentTypeList;
  const gpVideo = types.items.find((t) => t.code === 'gp-video')!.id;
  for (let weekday = 1; weekday <= 7; weekday++) {
    await gp.client.post(API.availabilityRules, { appointmentTypeId: gpVideo, weekday, startTime: '09:00', endTime: '11:00', validFrom: '2026-01-01' });
  }
  email = new MemoryTransport();
  sms = new MemoryTransport();
  worker = new OutboxWorker(ctx.dbs.app, { email, sms }, ctx.app.log);
  await worker.processDue(); // The welcome email from registration.
  email.sent.length = 0;
});
afterAll(async () => ctx.close());

describe('appointment messages', () => {
  it('booking queues an email with a valid .ics and an SMS now, and both again as reminders before the time; none has clinical detail', async () => {
    const a = await book(0);
    const rows = await messagesFor(a.id);
    expect(rows.map((r) => `${r.kind}/${r.channel}`).sort()).toEqual(['confirmation/email', 'confirmation/sms', 'reminder/email', 'reminder/sms']);
    const start = new Date(a.startsAt);
    for (const r of rows.filter((x) => x.kind === 'reminder')) expect(r.send_after.getTime()).toBe(start.getTime() - 60 * 60_000);
    const confirmation = rows.find((r) => r.kind === 'confirmation' && r.channel === 'email')!;
    const ics = confirmation.attachment!;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${a.id}@confide`);
    const stamp = start.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${stamp}`);
    expect(ics).toMatch(/END:VEVENT\r\nEND:VCALENDAR\r\n$/);
    expect(confirmation.to_address).toBe(patient.email);
    for (const r of rows) {
      const text = `${r.subject}\n${r.body}\n${r.attachment ?? ''}`;
      for (const clinical of [REASON, 'Dr Messenger', 'GP', 'gp-video']) expect(text).not.toContain(clinical);
    }
  });

  it('the worker sends what is due, once, and leaves reminders until their time', async () => {
    const a = await book(1);
    expect(await worker.processDue()).toBe(4); // two confirmations each for this and the previous booking
    expect(email.sent.map((m) => m.subject)).toEqual(['Your Confide appointment is booked', 'Your Confide appointment is booked']);
    expect(sms.sent).toHaveLength(2);
    expect(await worker.processDue()).toBe(0);
    const rows = await messagesFor(a.id);
    expect(rows.filter((r) => r.sent_at).map((r) => r.kind)).toEqual(['confirmation', 'confirmation']);
    expect(rows.filter((r) => r.kind === 'reminder').every((r) => r.sent_at === null)).toBe(true);
  });

  it('cancelling withdraws the pending reminders and sends a cancellation with a CANCEL calendar file', async () => {
    const a = await book(2);
    await worker.processDue();
    expect((await patient.client.post(API.cancelAppointment(a.id))).status).toBe(200);
    const rows = await messagesFor(a.id);
    expect(rows.filter((r) => r.kind === 'reminder').every((r) => r.withdrawn_at !== null && r.sent_at === null)).toBe(true);
    const cancellation = rows.find((r) => r.kind === 'cancellation' && r.channel === 'email')!;
    expect(cancellation.attachment).toContain('METHOD:CANCEL');
    expect(cancellation.attachment).toContain('STATUS:CANCELLED');
    expect(await worker.processDue()).toBe(2);
    // Even once due, a withdrawn reminder is never sent.
    await ctx.dbs.admin.query(`UPDATE outbox_messages SET send_after = now() - interval '1 minute' WHERE appointment_id = $1`, [a.id]);
    expect(await worker.processDue()).toBe(0);
  });

  it('a failed send is retried later, not lost', async () => {
    const a = await book(3);
    email.failNext = 1;
    const before = email.sent.length;
    await worker.processDue();
    const failed = (await messagesFor(a.id)).find((r) => r.kind === 'confirmation' && r.channel === 'email')!;
    expect(failed.sent_at).toBeNull();
    await ctx.dbs.admin.query(`UPDATE outbox_messages SET claimed_until = now() - interval '1 second' WHERE appointment_id = $1 AND sent_at IS NULL AND kind = 'confirmation'`, [a.id]);
    await worker.processDue();
    expect(email.sent.slice(before).map((m) => m.subject), JSON.stringify(email.sent.slice(before).map((m) => m.id))).toEqual(['Your Confide appointment is booked']);
    expect((await messagesFor(a.id)).find((r) => r.kind === 'confirmation' && r.channel === 'email')!.sent_at).not.toBeNull();
  });

  it('a request acting as a principal cannot claim messages (only the worker, without one, can)', async () => {
    await book(4);
    const p = patient.client.session!.user;
    const claimed = await withPrincipal(
      ctx.dbs.app,
      { userId: p.id, displayName: p.displayName, role: 'patient', sessionId: '00000000-0000-0000-0000-000000000000', patientId: p.patient!.id, organisationId: null, mfaSatisfied: true },
      (tx) => tx.query('SELECT * FROM outbox_claim(100, 60)'),
    );
    expect(claimed.rows).toEqual([]);
  });
});

describe('SMTP transport', () => {
  it('sends the email with the calendar file attached and as a text/calendar part', async () => {
    const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const sent: Buffer[] = [];
    const transport = new SmtpTransport(
      { sendMail: async (mail: SendMailOptions) => sent.push((await mailer.sendMail(mail)).message as Buffer) } as never,
      'Confide <no-reply@example.test>',
    );
    await transport.send({
      id: 'x', channel: 'email', to_address: 'someone@example.test', subject: 'Your Confide appointment is booked', body: 'Hello',
      attachment_name: 'appointment.ics', attachment_type: 'text/calendar; method=REQUEST; charset=utf-8',
      attachment: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', attempts: 1,
    });
    const mime = sent[0]!.toString('utf8');
    expect(mime).toContain('To: someone@example.test');
    expect(mime).toMatch(/Content-Type: text\/calendar; (charset=utf-8; )?method=REQUEST/i);
    expect(mime).toContain('filename=appointment.ics');
  });
});
