import { Postcode } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { problemMessage } from '../api/problem-message';
import type { FieldErrors } from '../forms/field-errors';

/** The ids of the search form's controls, in order, for the error summary's links. */
export const SEARCH_FIELDS = ['postcode', 'use-location'] as const;

export const POSTCODE_MISSING_TEXT = 'Enter a postcode, or use your location.';
export const POSTCODE_UNKNOWN_TEXT = 'We could not find that postcode. Check it, or use your location.';
export const OUTSIDE_UK_TEXT = 'We can only find pharmacies in the UK. Enter a UK postcode instead.';

/** A postcode as typed, checked and tidied as the API writes it (" ls1  4ap" → "LS1 4AP"), or what is wrong with it. */
export function checkPostcode(typed: string): { ok: true; postcode: string } | { ok: false; message: string } {
  if (typed.trim() === '') return { ok: false, message: POSTCODE_MISSING_TEXT };
  const result = Postcode.safeParse(typed);
  // Written the usual way, with a space before the last three characters, however it was typed.
  if (result.success) return { ok: true, postcode: result.data.replace(/^(\S+?) ?(\d[A-Z]{2})$/, '$1 $2') };
  return { ok: false, message: result.error.issues[0]?.message ?? 'Enter a UK postcode, like SW1A 1AA.' };
}

/** Why the browser did not give a location: it cannot, or GeolocationPositionError's code (1 denied, 2 unavailable, 3 timeout). */
export type LocationFailure = 'unsupported' | number;

/** What to tell the person when their location could not be had, and what to do instead. */
export function locationProblemText(failure: LocationFailure): string {
  switch (failure) {
    case 'unsupported':
      return 'Your browser cannot share your location. Enter your postcode instead.';
    case 1:
      return 'You have not allowed Confide to use your location. Enter your postcode instead, or allow location in your browser’s settings and try again.';
    case 3:
      return 'Finding your location took too long. Try again, or enter your postcode instead.';
    default:
      return 'Your location could not be found. Enter your postcode instead.';
  }
}

/** How a failed search shows on the form: errors by the control they are about, or a message about the whole search. */
export function searchFailure(error: unknown, by: 'postcode' | 'location'): { errors: FieldErrors; formError: string | null } {
  if (isApiProblem(error)) {
    if (error.code === 'postcode_unknown') return { errors: { postcode: POSTCODE_UNKNOWN_TEXT }, formError: null };
    const fields = error.fieldErrors;
    if (by === 'location' && (fields.latitude || fields.longitude)) return { errors: { 'use-location': OUTSIDE_UK_TEXT }, formError: null };
    if (by === 'postcode' && fields.postcode) return { errors: { postcode: fields.postcode }, formError: null };
    if (error.hasFieldErrors) return { errors: {}, formError: Object.values(fields)[0] ?? problemMessage(error) };
  }
  return { errors: {}, formError: problemMessage(error) };
}
