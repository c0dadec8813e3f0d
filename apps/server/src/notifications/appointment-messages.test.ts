import { describe, expect, it } from 'vitest';
import { bookedMessages, cancelledMessages, type AppointmentFacts } from './appointment-messages';

const facts: AppointmentFacts = {
  appointmentId: '3f1c2d4e-0000-4000-8000-000000000001',
  givenName: 'Ada',
  email: 'ada@example.test',
  mobile: '07700900123',
  mode: 'audio',
  start: new Date('2026-10-25T09:00:00Z'), // the October change day: 09:00 GMT
  end: new Date('2026-10-25T09:10:00Z'),
};

describe('appointment messages', () => {
  it('work whatever the public address looks like (a booking must never fail over a calendar file)', () => {
    for (const publicUrl of ['http://localhost:0', 'http://127.0.0.1:3000', 'https://confide.example.nhs.uk']) {
      expect(() => bookedMessages(facts, { publicUrl, timeZone: 'Europe/London', reminderLeadMinutes: 60 }, new Date('2026-10-24T12:00:00Z'))).not.toThrow();
    }
  });

  it('write the time in the clinic’s zone, and skip the reminder when the booking is inside its lead time', () => {
    const settings = { publicUrl: 'https://confide.example', timeZone: 'Europe/London', reminderLeadMinutes: 60 };
    const early = bookedMessages(facts, settings, new Date('2026-10-24T12:00:00Z'));
    expect(early.map((m) => `${m.kind}/${m.channel}`)).toEqual(['confirmation/email', 'confirmation/sms', 'reminder/email', 'reminder/sms']);
    expect(early[0]!.body).toMatch(/Sunday,? 25 October 2026 at 09:00 \(UK time\)/);
    expect(early[1]!.body).toContain('phone appointment');
    const late = bookedMessages(facts, settings, new Date('2026-10-25T08:30:00Z'));
    expect(late.map((m) => m.kind)).toEqual(['confirmation', 'confirmation']);
    expect(cancelledMessages(facts, settings)[0]!.attachment!.content).toContain('METHOD:CANCEL');
  });

  it('name the clinic’s zone when it is not the UK', () => {
    const settings = { publicUrl: 'https://confide.example', timeZone: 'Europe/Paris', reminderLeadMinutes: 60 };
    const [confirmation] = bookedMessages(facts, settings, new Date('2026-10-24T12:00:00Z'));
    expect(confirmation!.body).toMatch(/25 October 2026 at 10:00 \(Central European Time\)/);
    expect(cancelledMessages(facts, settings)[0]!.body).toContain('(Central European Time)');
  });
});
