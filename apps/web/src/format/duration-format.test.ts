import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration-format';

describe('a length of time in words', () => {
  it('gives minutes and seconds', () => {
    expect(formatDuration(270)).toBe('4 min 30 s');
  });

  it('leaves out a part that is zero, but never says nothing', () => {
    expect(formatDuration(240)).toBe('4 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(0)).toBe('0 s');
  });

  it('gives hours for long recordings and rounds to whole seconds', () => {
    expect(formatDuration(3900.4)).toBe('1 h 5 min');
  });
});
