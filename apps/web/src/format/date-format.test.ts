import { describe, expect, it } from 'vitest';
import { ageInYears, formatLongDateTime } from './date-format';

describe('a moment in a sentence', () => {
  it('gives the day, the month in full, the year and the 24-hour time', () => {
    expect(formatLongDateTime('2026-11-23T10:15:00Z', 'UTC')).toBe('23 November 2026, 10:15');
    expect(formatLongDateTime('2026-07-01T00:05:00Z', 'Europe/London')).toBe('1 July 2026, 01:05');
  });

  it('leaves what is not a time as it is', () => {
    expect(formatLongDateTime('soon', 'UTC')).toBe('soon');
  });
});

describe('age from a date of birth', () => {
  it('counts whole years, going up on the birthday', () => {
    expect(ageInYears('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageInYears('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageInYears('2026-01-01', '2026-11-23')).toBe(0);
  });

  it('handles a birthday on 29 February', () => {
    expect(ageInYears('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageInYears('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('gives nothing for what is not a date, or a birth after today', () => {
    expect(ageInYears('not a date', '2026-11-23')).toBeNull();
    expect(ageInYears('2027-01-01', '2026-11-23')).toBeNull();
  });
});
