import { describe, expect, it } from 'vitest';
import { csvFileProblem, DIRECTORY_CSV_MAX_BYTES, importedText, PHARMACY_NOUN, POSTCODE_NOUN, REJECTED_LINES_SHOWN, rejectedText } from './directory-import';

describe('what a directory import says', () => {
  it('counts what was imported, in the singular or plural', () => {
    expect(importedText(1, PHARMACY_NOUN)).toBe('Imported 1 pharmacy.');
    expect(importedText(240, PHARMACY_NOUN)).toBe('Imported 240 pharmacies.');
    expect(importedText(0, POSTCODE_NOUN)).toBe('Imported 0 postcodes.');
    expect(importedText(1_750_000, POSTCODE_NOUN)).toBe('Imported 1,750,000 postcodes.');
  });

  it('says how many lines were left out, only when some were', () => {
    expect(rejectedText({ imported: 3, rejected: [] })).toBeNull();
    expect(rejectedText({ imported: 3, rejected: [{ line: 4, problem: 'no postcode' }] })).toBe(
      '1 line had a problem and was not imported. It is listed below.',
    );
    expect(
      rejectedText({
        imported: 0,
        rejected: [
          { line: 2, problem: 'no postcode' },
          { line: 3, problem: 'bad latitude' },
        ],
      }),
    ).toBe('2 lines had a problem and were not imported. They are listed below.');
  });

  it('says only the first lines are listed when there are too many to show', () => {
    const rejected = Array.from({ length: REJECTED_LINES_SHOWN + 1 }, (_, i) => ({ line: i + 2, problem: 'bad latitude' }));
    expect(rejectedText({ imported: 0, rejected })).toBe('501 lines had a problem and were not imported. The first 500 are listed below.');
  });
});

describe('the file chosen', () => {
  it('must be chosen, not be empty and not be too big', () => {
    expect(csvFileProblem(null, 'Choose the pharmacies CSV file.')).toBe('Choose the pharmacies CSV file.');
    expect(csvFileProblem({ size: 0 }, 'x')).toBe('The file is empty. Choose the CSV file again.');
    expect(csvFileProblem({ size: DIRECTORY_CSV_MAX_BYTES + 1 }, 'x')).toBe('The file must be smaller than 20 MB. Split it into smaller files and import each.');
    expect(csvFileProblem({ size: 1200 }, 'x')).toBeNull();
  });
});
