import type { Appointment } from '@confide/contract';

const STILL_TO_HAPPEN: ReadonlySet<Appointment['status']> = new Set(['booked', 'checked_in', 'in_consultation']);

/** Not over yet and not cancelled: it belongs under "Upcoming". */
export function isUpcoming(appointment: Appointment, now = Date.now()): boolean {
  return STILL_TO_HAPPEN.has(appointment.status) && Date.parse(appointment.endsAt) > now;
}

/** Booked and not yet started: the patient can still cancel it or change its time. */
export function isChangeable(appointment: Appointment, now = Date.now()): boolean {
  return appointment.status === 'booked' && Date.parse(appointment.startsAt) > now;
}

/** Upcoming ones soonest first; the rest (past and cancelled) newest first. */
export function splitAppointments(items: readonly Appointment[], now = Date.now()) {
  const upcoming = items.filter((a) => isUpcoming(a, now)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const past = items.filter((a) => !isUpcoming(a, now)).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return { upcoming, past };
}
