import { z } from 'zod';
import { Uuid } from '@confide/contract';
import { hasErrors, type FieldErrors } from '../forms/field-errors';

/** What the API answers (201): the grant, which ends at `expiresAt`. */
export interface BreakGlassGrant {
  id: string;
  expiresAt: string;
}

/** Input ids, in the order they appear; `reason` is also the API's name for its field. */
export const BREAK_GLASS_FIELDS = ['patientId', 'reason'] as const;

export interface BreakGlassValues {
  patientId: string;
  reason: string;
}

/** A made-up ID in the right format, for the hint. */
export const EXAMPLE_PATIENT_ID = '3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b';

export const PATIENT_NOT_FOUND = 'We could not find a patient with that ID.';

/** As the server checks it, with the server's own message. */
const Reason = z
  .string()
  .trim()
  .min(10, 'Give the reason in a sentence (at least 10 characters): it is shown to the patient.')
  .max(1000, 'Keep the reason to 1,000 characters or fewer.');

type Checked = { ok: true; values: BreakGlassValues } | { ok: false; errors: FieldErrors };

/** Checks the form before sending it (the server still decides). */
export function checkBreakGlass(values: BreakGlassValues): Checked {
  const errors: FieldErrors = {};
  const patientId = values.patientId.trim();
  if (!patientId) errors.patientId = 'Enter the patient ID.';
  else if (!Uuid.safeParse(patientId).success) errors.patientId = 'Enter the patient ID in the right format: 36 letters, numbers and dashes.';
  const reason = Reason.safeParse(values.reason);
  if (!values.reason.trim()) errors.reason = 'Enter why you need these recordings.';
  else if (!reason.success) errors.reason = reason.error.issues[0]?.message ?? 'Enter a longer reason.';
  if (hasErrors(errors) || !reason.success) return { ok: false, errors };
  return { ok: true, values: { patientId, reason: reason.data } };
}

/** Access granted on the emergency access page: whose recordings, until when. */
export interface GrantedAccess {
  patientId: string;
  expiresAt: string;
}

/** What the page keeps in the router's history state, so coming back from a recording shows the list again. */
export interface GrantedState {
  granted: GrantedAccess;
}

const GrantedStateSchema = z.object({ granted: z.object({ patientId: Uuid, expiresAt: z.string() }) });

/** The access the page last showed, from its history state, unless it has run out (by `now`). */
export function readGrantedState(state: unknown, now: number): GrantedAccess | null {
  const parsed = GrantedStateSchema.safeParse(state);
  if (!parsed.success) return null;
  const ends = Date.parse(parsed.data.granted.expiresAt);
  return Number.isNaN(ends) || ends <= now ? null : parsed.data.granted;
}
