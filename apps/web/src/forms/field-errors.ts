import type { FieldErrors } from '../api/api-problem';

export type { FieldErrors };

/** One line of an error summary; `field` is the id of the input it links to, if there is one. */
export interface SummaryItem {
  field?: string;
  message: string;
}

/**
 * Error summary lines in the order the fields appear on the form, then any the form has no field for,
 * after an optional message about the whole form.
 */
export function summaryItems(errors: FieldErrors, fieldOrder: readonly string[], formError?: string | null): SummaryItem[] {
  const items: SummaryItem[] = formError ? [{ message: formError }] : [];
  for (const field of fieldOrder) {
    const message = errors[field];
    if (message) items.push({ field, message });
  }
  for (const [field, message] of Object.entries(errors)) {
    if (!fieldOrder.includes(field)) items.push({ message });
  }
  return items;
}

/** Field errors from a zod result's issues: the first message for each top-level field. */
export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string') errors[field] ??= issue.message;
  }
  return errors;
}

/** Field errors keyed by the API's field names, renamed to the ids of this form's inputs. */
export function renameFields(errors: FieldErrors, names: Record<string, string>): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) renamed[names[field] ?? field] = message;
  return renamed;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
