import { clinicTimeLabel } from '@confide/domain';
import { createEvent } from 'ics';

/** A message waiting to go out through the outbox. */
export interface OutgoingMessage {
  kind: 'confirmation' | 'reminder' | 'cancellation';
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  body: string;
  sendAfter: Date;
  attachment: { name: string; type: string; content: string } | null;
}

export interface AppointmentFacts {
  appointmentId: string;
  givenName: string;
  email: string;
  mobile: string;
  mode: 'audio' | 'video';
  start: Date;
  end: Date;
}

export interface MessageSettings {
  publicUrl: string;
  timeZone: string;
  reminderLeadMinutes: number;
}

/**
 * What patients are told about an appointment, by email (with an iCalendar file) and SMS. Deliberately free of
 * clinical detail: no reason, no clinician, no profession or appointment type — only when, and phone or video,
 * because an email or a lock-screen SMS may be seen by someone else.
 */
function when(start: Date, timeZone: string): { long: string; short: string } {
  const long = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
  const short = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
  return { long, short };
}

const modeWords = (mode: AppointmentFacts['mode']) => (mode === 'video' ? 'video' : 'phone');

/** An RFC 5545 calendar file for the appointment; the same UID across changes, so calendars update in place. */
export function appointmentCalendar(a: AppointmentFacts, settings: MessageSettings, method: 'REQUEST' | 'CANCEL'): string {
  const { error, value } = createEvent({
    uid: `${a.appointmentId}@confide`,
    method,
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    sequence: Math.floor(Date.now() / 1000),
    start: a.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: a.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: 'Confide appointment',
    description: `Your ${modeWords(a.mode)} appointment with Confide. Sign in at ${settings.publicUrl} a few minutes before to join.`,
    productId: 'confide/appointments',
  });
  if (error || !value) throw error ?? new Error('could not make the calendar file');
  return value;
}

export function bookedMessages(a: AppointmentFacts, settings: MessageSettings, now = new Date()): OutgoingMessage[] {
  const t = when(a.start, settings.timeZone);
  const ics = { name: 'appointment.ics', type: 'text/calendar; method=REQUEST; charset=utf-8', content: appointmentCalendar(a, settings, 'REQUEST') };
  const messages: OutgoingMessage[] = [
    {
      kind: 'confirmation', channel: 'email', to: a.email, sendAfter: now, attachment: ics,
      subject: 'Your Confide appointment is booked',
      body: `Hello ${a.givenName},\n\nYour ${modeWords(a.mode)} appointment is booked for ${t.long} (${clinicTimeLabel(settings.timeZone)}).\n\nSign in to Confide a few minutes before to check in: ${settings.publicUrl}/patient/appointments\nTo change or cancel it, go to Your appointments.\n\nThe attached file adds it to your calendar.`,
    },
    {
      kind: 'confirmation', channel: 'sms', to: a.mobile, sendAfter: now, attachment: null, subject: '',
      body: `Confide: your ${modeWords(a.mode)} appointment is booked for ${t.short}. Sign in a few minutes before to check in.`,
    },
  ];
  const remindAt = new Date(a.start.getTime() - settings.reminderLeadMinutes * 60_000);
  if (remindAt > now) {
    messages.push(
      {
        kind: 'reminder', channel: 'email', to: a.email, sendAfter: remindAt, attachment: ics,
        subject: 'Reminder: your Confide appointment',
        body: `Hello ${a.givenName},\n\nThis is a reminder of your ${modeWords(a.mode)} appointment at ${t.long} (${clinicTimeLabel(settings.timeZone)}).\n\nSign in to Confide a few minutes before to check in: ${settings.publicUrl}/patient/appointments`,
      },
      {
        kind: 'reminder', channel: 'sms', to: a.mobile, sendAfter: remindAt, attachment: null, subject: '',
        body: `Confide reminder: your ${modeWords(a.mode)} appointment is at ${t.short}. Sign in a few minutes before to check in.`,
      },
    );
  }
  return messages;
}

export function cancelledMessages(a: AppointmentFacts, settings: MessageSettings, now = new Date()): OutgoingMessage[] {
  const t = when(a.start, settings.timeZone);
  return [
    {
      kind: 'cancellation', channel: 'email', to: a.email, sendAfter: now,
      attachment: { name: 'appointment.ics', type: 'text/calendar; method=CANCEL; charset=utf-8', content: appointmentCalendar(a, settings, 'CANCEL') },
      subject: 'Your Confide appointment is cancelled',
      body: `Hello ${a.givenName},\n\nYour ${modeWords(a.mode)} appointment on ${t.long} (${clinicTimeLabel(settings.timeZone)}) is cancelled.\n\nYou can book another at ${settings.publicUrl}/patient/book`,
    },
    {
      kind: 'cancellation', channel: 'sms', to: a.mobile, sendAfter: now, attachment: null, subject: '',
      body: `Confide: your appointment on ${t.short} is cancelled.`,
    },
  ];
}
