import { CHECK_IN_OPENS_MINUTES, type Appointment } from '@confide/contract';

const STILL_TO_HAPPEN: ReadonlySet<Appointment['status']> = new Set(['booked', 'checked_in', 'in_consultation']);

/** Not over yet and not cancelled: it belongs under "Upcoming". */
export function isUpcoming(appointment: Appointment, now = Date.now()): boolean {
  return STILL_TO_HAPPEN.has(appointment.status) && Date.parse(appointment.endsAt) > now;
}

/** Booked and not yet started: the patient can still cancel it or change its time. */
export function isChangeable(appointment: Appointment, now = Date.now()): boolean {
  return appointment.status === 'booked' && Date.parse(appointment.startsAt) > now;
}

/** When the patient may first check in: a few minutes before the start. */
export function checkInOpensAt(appointment: Appointment): number {
  return Date.parse(appointment.startsAt) - CHECK_IN_OPENS_MINUTES * 60_000;
}

/** Booked, and check-in has not opened yet. */
export function isCheckInAhead(appointment: Appointment, now = Date.now()): boolean {
  return appointment.status === 'booked' && now < checkInOpensAt(appointment);
}

/** Booked, and from a few minutes before the start until its end: the patient can check in now. */
export function isCheckInOpen(appointment: Appointment, now = Date.now()): boolean {
  return appointment.status === 'booked' && now >= checkInOpensAt(appointment) && now < Date.parse(appointment.endsAt);
}

/** Checked in (and not past its end) or under way: the patient belongs in the waiting room or the call. */
export function isInWaitingRoom(appointment: Appointment, now = Date.now()): boolean {
  if (appointment.status === 'in_consultation') return true;
  return appointment.status === 'checked_in' && now < Date.parse(appointment.endsAt);
}

/** Upcoming ones soonest first; the rest (past and cancelled) newest first. */
export function splitAppointments(items: readonly Appointment[], now = Date.now()) {
  const upcoming = items.filter((a) => isUpcoming(a, now)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const past = items.filter((a) => !isUpcoming(a, now)).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return { upcoming, past };
}
