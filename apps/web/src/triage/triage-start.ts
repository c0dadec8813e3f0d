import type { FieldErrors } from '../forms/field-errors';
import type { Sex, TriageStart } from './triage-chat';

/** The start form as typed: the age is text until it is checked. */
export interface StartDraft {
  text: string;
  age: string;
  sex: Sex | '';
}

export const EMPTY_DRAFT: StartDraft = { text: '', age: '', sex: '' };

/** The start form's fields, in order, for the error summary. */
export const START_FIELDS = ['symptoms', 'age', 'sex'] as const;

/** The API names the description `text`; the form calls its field `symptoms`. */
export const START_FIELD_NAMES: Record<string, string> = { text: 'symptoms' };

export const MAX_DESCRIPTION = 2000;
export const MAX_AGE = 120;

export type CheckedStart = { ok: true; start: TriageStart } | { ok: false; errors: FieldErrors };

/** Checks the start form as the API would, with messages that say how to put it right. */
export function checkStart(draft: StartDraft): CheckedStart {
  const errors: FieldErrors = {};
  const text = draft.text.trim();
  if (text === '') errors.symptoms = 'Describe what is wrong, in your own words.';
  else if (text.length < 3) errors.symptoms = 'Describe what is wrong in a few words.';
  else if (text.length > MAX_DESCRIPTION) errors.symptoms = `Keep the description under ${MAX_DESCRIPTION} characters.`;

  const ageText = draft.age.trim();
  const age = Number(ageText);
  if (ageText === '') errors.age = 'Enter an age in years. For a baby under 1, enter 0.';
  else if (!/^\d{1,3}$/.test(ageText)) errors.age = 'Enter the age as a whole number of years, for example 34. For a baby under 1, enter 0.';
  else if (age > MAX_AGE) errors.age = `Enter an age from 0 to ${MAX_AGE}.`;

  if (draft.sex === '') errors.sex = 'Choose female or male.';

  if (Object.keys(errors).length > 0 || draft.sex === '') return { ok: false, errors };
  return { ok: true, start: { text, age, sex: draft.sex } };
}

/** The start form with an age filled in, if it is known (a signed-in patient's date of birth). */
export function draftWithAge(age: number | null): StartDraft {
  return { ...EMPTY_DRAFT, age: age === null ? '' : String(age) };
}
