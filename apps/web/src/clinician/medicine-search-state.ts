import type { FormularyMedicine } from '@confide/contract';

/** How long typing must pause before searching, so each letter does not send a request. */
export const SEARCH_DELAY_MS = 250;

/** The formulary search: nothing asked yet, or the answer (or failure) for one term. */
export type SearchState =
  | { term: string; status: 'idle' }
  | { term: string; status: 'loaded'; medicines: FormularyMedicine[] }
  | { term: string; status: 'failed'; message: string };

/** What to search for, or null when fewer than 2 letters are typed (the API wants at least 2). */
export function searchTerm(typed: string): string | null {
  const term = typed.trim().replace(/\s+/g, ' ');
  return term.length >= 2 ? term.slice(0, 60) : null;
}

/**
 * What the search says under the input, visibly and to screen readers only: nothing until 2 letters are typed,
 * "Searching…" until the answer for what is typed comes, then "No medicines match" or how many do.
 */
export function searchStatusText(term: string | null, answer: SearchState | null): { visible: string; hidden: string } {
  if (term === null) return { visible: '', hidden: '' };
  if (answer === null || answer.term !== term || answer.status === 'idle') return { visible: 'Searching…', hidden: '' };
  if (answer.status === 'failed') return { visible: `The search did not work. ${answer.message}`, hidden: '' };
  const count = answer.medicines.length;
  if (count === 0) return { visible: 'No medicines match', hidden: '' };
  return { visible: '', hidden: `${count} ${count === 1 ? 'medicine matches' : 'medicines match'}. Use the up and down arrows to choose.` };
}
