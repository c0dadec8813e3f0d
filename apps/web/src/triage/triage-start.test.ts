import { describe, expect, it } from 'vitest';
import { checkStart, draftWithAge, EMPTY_DRAFT } from './triage-start';

describe('checking the start form', () => {
  it('takes a description, a whole age in years (0 for a baby) and a sex', () => {
    expect(checkStart({ text: '  sore throat for 3 days ', age: ' 24 ', sex: 'male' })).toEqual({
      ok: true,
      start: { text: 'sore throat for 3 days', age: 24, sex: 'male' },
    });
    expect(checkStart({ text: 'rash', age: '0', sex: 'female' })).toMatchObject({ ok: true, start: { age: 0 } });
  });

  it('says what is missing, field by field', () => {
    expect(checkStart(EMPTY_DRAFT)).toEqual({
      ok: false,
      errors: {
        symptoms: 'Describe what is wrong, in your own words.',
        age: 'Enter an age in years. For a baby under 1, enter 0.',
        sex: 'Choose female or male.',
      },
    });
  });

  it('refuses ages that are not whole years from 0 to 120, and descriptions too short or too long', () => {
    for (const age of ['1.5', '-1', 'ten', '6 months']) {
      expect(checkStart({ text: 'cough', age, sex: 'female' })).toMatchObject({ ok: false, errors: { age: expect.stringContaining('whole number') } });
    }
    expect(checkStart({ text: 'cough', age: '121', sex: 'female' })).toMatchObject({ ok: false, errors: { age: 'Enter an age from 0 to 120.' } });
    expect(checkStart({ text: 'ow', age: '30', sex: 'female' })).toMatchObject({ ok: false, errors: { symptoms: 'Describe what is wrong in a few words.' } });
    expect(checkStart({ text: 'a'.repeat(2001), age: '30', sex: 'female' })).toMatchObject({ ok: false, errors: { symptoms: expect.stringContaining('2000') } });
  });

  it('starts with the age filled in when it is known', () => {
    expect(draftWithAge(42)).toEqual({ text: '', age: '42', sex: '' });
    expect(draftWithAge(null)).toEqual(EMPTY_DRAFT);
  });
});
