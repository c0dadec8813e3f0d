import type { Appointment } from '@confide/contract';
import { formatTime } from '../format/clinic-time';

/** Completed is recorded at the end of a consultation in progress. */
export function canMarkCompleted(appointment: Appointment): boolean {
  return appointment.status === 'in_consultation';
}

/** Missed (did not attend) once the start time has come, if the consultation never started. */
export function canMarkMissed(appointment: Appointment, now = Date.now()): boolean {
  return (appointment.status === 'booked' || appointment.status === 'checked_in') && now >= Date.parse(appointment.startsAt);
}

/** Names one appointment on the clinician's day, for buttons and messages: "Jane Smith at 09:20". */
export function patientAtTime(appointment: Appointment): string {
  return `${appointment.patient.name} at ${formatTime(appointment.startsAt)}`;
}

/** The row header's id, to return focus to the row after an action there. */
export function dayRowId(appointmentId: string): string {
  return `day-appointment-${appointmentId}`;
}

/** The consultation to join (while it is on) or write notes on (once it has started), if there is one. */
export function consultationOf(appointment: Appointment): string | null {
  return appointment.status === 'in_consultation' || appointment.status === 'completed' ? appointment.consultationId : null;
}
