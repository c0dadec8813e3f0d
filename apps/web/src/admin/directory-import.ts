import type { DirectoryImportResult } from '@confide/contract';

/** The most the API takes in one import (its limit on the CSV text). */
export const DIRECTORY_CSV_MAX_BYTES = 20_000_000;

/** What one line of a directory file is, in the singular and plural: pharmacy, pharmacies. */
export interface ImportNoun {
  one: string;
  many: string;
}

export const PHARMACY_NOUN: ImportNoun = { one: 'pharmacy', many: 'pharmacies' };
export const POSTCODE_NOUN: ImportNoun = { one: 'postcode', many: 'postcodes' };

/** "Imported 1 pharmacy.", "Imported 240 pharmacies.", "Imported 0 postcodes." */
export function importedText(imported: number, noun: ImportNoun): string {
  return `Imported ${imported.toLocaleString('en-GB')} ${imported === 1 ? noun.one : noun.many}.`;
}

/** The most rejected lines listed on the page; a whole file of bad lines would make a page too long to use. */
export const REJECTED_LINES_SHOWN = 500;

/** How many lines were left out, pointing to the table below; null when none were. */
export function rejectedText(result: DirectoryImportResult): string | null {
  const count = result.rejected.length;
  if (count === 0) return null;
  if (count === 1) return '1 line had a problem and was not imported. It is listed below.';
  const listed = count > REJECTED_LINES_SHOWN ? `The first ${REJECTED_LINES_SHOWN} are listed below.` : 'They are listed below.';
  return `${count.toLocaleString('en-GB')} lines had a problem and were not imported. ${listed}`;
}

/** Why a chosen file cannot be sent, or null if it can: none chosen, empty, or too big. */
export function csvFileProblem(file: Pick<File, 'size'> | null, missing: string): string | null {
  if (!file) return missing;
  if (file.size === 0) return 'The file is empty. Choose the CSV file again.';
  if (file.size > DIRECTORY_CSV_MAX_BYTES) return 'The file must be smaller than 20 MB. Split it into smaller files and import each.';
  return null;
}
