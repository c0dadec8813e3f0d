import { z } from 'zod';
import { Appointment, Slot } from '@confide/contract';

/**
 * What the booking pages pass each other in the router's location state (not a global), so Back,
 * Forward and reloading the page all keep working.
 */

/** Book → Confirm: the chosen time, and the search it came from to go back to. */
export interface ChosenSlotState {
  slot: Slot;
  /** The Book page's query string, "?profession=gp&date=…", or "". */
  search: string;
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
}

export const BOOKING_SETBACK_MESSAGES: Record<BookingSetback, string> = {
  slot_taken: 'Sorry, that time has just been taken. Choose another time.',
  not_a_slot: 'Sorry, that time is no longer free. Choose another time.',
};

const Search = z.string().refine((s) => s === '' || s.startsWith('?'));
const ChosenSlotSchema = z.object({ slot: Slot, search: Search });
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
