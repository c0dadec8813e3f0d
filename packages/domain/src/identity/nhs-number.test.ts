import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsCheckDigit } from './nhs-number';

describe('NHS number (modulus 11)', () => {
  it.each(['9434765919', '943 476 5919', '943-476-5919', '9434765870'])('accepts %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });

  it.each(['9434765918', '943476591', '94347659190', 'abcdefghij', '', '4010232138'])('rejects %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });

  it('accepts exactly the one right check digit, and none when the remainder gives 10', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const check = nhsCheckDigit(nine);
        for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${nine}${d}`)).toBe(check === d);
      }),
    );
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/).filter((n) => nhsCheckDigit(n) !== null), fc.nat(9), fc.integer({ min: 1, max: 9 }), (nine, pos, delta) => {
        const valid = `${nine}${nhsCheckDigit(nine)}`;
        const digits = valid.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(isValidNhsNumber(digits.join(''))).toBe(false);
      }),
    );
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
