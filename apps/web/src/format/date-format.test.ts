import { describe, expect, it } from 'vitest';
import { formatLongDateTime } from './date-format';

describe('a moment in a sentence', () => {
  it('gives the day, the month in full, the year and the 24-hour time', () => {
    expect(formatLongDateTime('2026-11-23T10:15:00Z', 'UTC')).toBe('23 November 2026, 10:15');
    expect(formatLongDateTime('2026-07-01T00:05:00Z', 'Europe/London')).toBe('1 July 2026, 01:05');
  });

  it('leaves what is not a time as it is', () => {
    expect(formatLongDateTime('soon', 'UTC')).toBe('soon');
  });
});
