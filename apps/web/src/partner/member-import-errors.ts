import type { FieldErrors } from '../forms/field-errors';

const ROW_FIELD = /^row (\d+)(?:\.([a-z_]+))?$/i;

/**
 * One problem with an uploaded member list as a line people can act on: the API's `row 3.date_of_birth`
 * becomes "Row 3, date of birth: …"; problems with the whole file (`header`, `file`) are given as they are.
 */
export function importProblemLine(field: string, message: string): string {
  const match = ROW_FIELD.exec(field);
  if (!match) return message;
  const [, row, column] = match;
  return column ? `Row ${row}, ${column.replace(/_/g, ' ')}: ${message}` : `Row ${row}: ${message}`;
}

/** Every problem the API found in a member list, in its order (rows first to last). */
export function importProblemLines(errors: FieldErrors): string[] {
  return Object.entries(errors).map(([field, message]) => importProblemLine(field, message));
}
