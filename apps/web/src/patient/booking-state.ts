import { z } from 'zod';
import { PROFESSIONS, type Profession } from '@confide/domain';
import { Appointment, Slot } from '@confide/contract';
import { reasonFromSummary } from '../triage/triage-text';

/**
 * What the booking pages pass each other in the router's location state (not a global), so Back,
 * Forward and reloading the page all keep working.
 */

/**
 * Symptom checker → Book → Confirm (and back): who the checker suggests seeing and how soon, and the check's
 * summary for the reason only if the patient ticked the box to add it. Carried in location state, never in the
 * address, since it is about the patient's health.
 */
export interface SymptomCheckHandoff {
  profession: Profession;
  urgency: 'today' | 'soon';
  /** The reason to start with on the confirm step (the patient can still change it), or null. */
  reason: string | null;
}

export interface BookFromSymptomCheckState {
  symptomCheck: SymptomCheckHandoff;
}

/** The state for "Book an appointment" from a check's advice; the summary goes with it only if the patient agreed. */
export function bookFromSymptomCheck(
  book: { profession: Profession; urgency: 'today' | 'soon' },
  summary: string,
  addSummary: boolean,
): BookFromSymptomCheckState {
  const reason = addSummary ? reasonFromSummary(summary) : '';
  return { symptomCheck: { profession: book.profession, urgency: book.urgency, reason: reason === '' ? null : reason } };
}

/** Book → Confirm: the chosen time, and the search it came from to go back to. */
export interface ChosenSlotState {
  slot: Slot;
  /** The Book page's query string, "?profession=gp&date=…", or "". */
  search: string;
  /** Came from the symptom checker: kept so going back to choose another time keeps it too. */
  symptomCheck?: SymptomCheckHandoff;
}

/** Confirm, once booked: the appointment, so reloading shows the confirmation and does not book again. */
export interface BookedState {
  booked: Appointment;
  search: string;
}

/** Confirm → Book: the chosen time could not be booked, so choose another. */
export type BookingSetback = 'slot_taken' | 'not_a_slot';
export interface BookingSetbackState {
  setback: BookingSetback;
  symptomCheck?: SymptomCheckHandoff;
}

export const BOOKING_SETBACK_MESSAGES: Record<BookingSetback, string> = {
  slot_taken: 'Sorry, that time has just been taken. Choose another time.',
  not_a_slot: 'Sorry, that time is no longer free. Choose another time.',
};

const Search = z.string().refine((s) => s === '' || s.startsWith('?'));
const HandoffSchema = z.object({
  profession: z.enum(PROFESSIONS),
  urgency: z.enum(['today', 'soon']),
  reason: z.string().max(500).nullable(),
});
const FromSymptomCheckSchema = z.object({ symptomCheck: HandoffSchema });
const ChosenSlotSchema = z.object({ slot: Slot, search: Search, symptomCheck: HandoffSchema.optional() });
const BookedSchema = z.object({ booked: Appointment, search: Search });
const SetbackSchema = z.object({ setback: z.enum(['slot_taken', 'not_a_slot']) });

export type ConfirmPageState = ({ step: 'confirm' } & ChosenSlotState) | ({ step: 'booked' } & BookedState) | null;

export function readConfirmPageState(state: unknown): ConfirmPageState {
  const booked = BookedSchema.safeParse(state);
  if (booked.success) return { step: 'booked', ...booked.data };
  const chosen = ChosenSlotSchema.safeParse(state);
  if (chosen.success) return { step: 'confirm', ...chosen.data };
  return null;
}

/** What the symptom checker handed on to booking, or null when booking did not start there. */
export function readSymptomCheckHandoff(state: unknown): SymptomCheckHandoff | null {
  const parsed = FromSymptomCheckSchema.safeParse(state);
  return parsed.success ? parsed.data.symptomCheck : null;
}

/** The location state that keeps the handoff (if any) while moving between the booking steps. */
export function handoffState(handoff: SymptomCheckHandoff | null | undefined): BookFromSymptomCheckState | null {
  return handoff ? { symptomCheck: handoff } : null;
}

export function readBookingSetback(state: unknown): BookingSetback | null {
  const parsed = SetbackSchema.safeParse(state);
  return parsed.success ? parsed.data.setback : null;
}

/** Back on "Your appointments" after a change, to say what happened. */
export interface AppointmentChangedState {
  changed: 'cancelled' | 'moved';
  startsAt: string;
}

const ChangedSchema = z.object({ changed: z.enum(['cancelled', 'moved']), startsAt: z.string() });

export function readAppointmentChanged(state: unknown): AppointmentChangedState | null {
  const parsed = ChangedSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}
