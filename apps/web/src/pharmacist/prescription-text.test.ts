import { describe, expect, it } from 'vitest';
import type { Prescription } from '@confide/contract';
import { PRESCRIPTION_STATUS_LABELS } from '../format/prescription-labels';
import { doseText, pharmacyStatusText, prescriberText, signatureProblemText, signedByText, toDispenseCountText } from './prescription-text';

const signature = { valid: true, algorithm: 'Ed25519', keyId: '00000000-0000-4000-8000-000000000001', problem: null };

describe('the dose as the pharmacist reads it', () => {
  it('says how many, how often and for how long', () => {
    expect(doseText({ dosesPerTime: 2, timesPerDay: 3, durationDays: 7 })).toBe('2 each time, 3 times a day, for 7 days');
  });

  it('says once and twice a day, and a single day, in words', () => {
    expect(doseText({ dosesPerTime: 1, timesPerDay: 1, durationDays: 1 })).toBe('1 each time, once a day, for 1 day');
    expect(doseText({ dosesPerTime: 2.5, timesPerDay: 2, durationDays: 5 })).toBe('2.5 each time, twice a day, for 5 days');
  });
});

describe('the prescriber and their signature', () => {
  const prescriber = { id: '00000000-0000-4000-8000-000000000002', name: 'Dr Asha Patel', registration: 'GMC 7654321' };

  it('names the prescriber with their registration, when there is one', () => {
    expect(prescriberText({ prescriber })).toBe('Dr Asha Patel (GMC 7654321)');
    expect(prescriberText({ prescriber: { ...prescriber, registration: null } })).toBe('Dr Asha Patel');
  });

  it('says who signed, with what', () => {
    expect(signedByText({ prescriber, signature })).toBe('Signed by Dr Asha Patel (GMC 7654321) with Ed25519.');
    expect(signedByText({ prescriber: { ...prescriber, registration: null }, signature })).toBe('Signed by Dr Asha Patel with Ed25519.');
  });

  it('gives a reason for an invalid signature, even when the server gives none', () => {
    expect(signatureProblemText({ signature: { ...signature, valid: false, problem: 'The prescription was changed after signing.' } })).toBe(
      'The prescription was changed after signing.',
    );
    expect(signatureProblemText({ signature: { ...signature, valid: false } })).toBe('The signature does not match the prescription or the prescriber’s key.');
    expect(signatureProblemText({ signature: null } as Pick<Prescription, 'signature'>)).toBe('This prescription has no signature that can be checked.');
  });
});

describe('the number still to dispense', () => {
  it('is counted in a sentence', () => {
    expect(toDispenseCountText(0)).toBe('No prescriptions to dispense.');
    expect(toDispenseCountText(1)).toBe('1 prescription to dispense.');
    expect(toDispenseCountText(3)).toBe('3 prescriptions to dispense.');
  });
});

describe('the status in the pharmacy’s list', () => {
  it('is the status, unless the prescription must be issued again', () => {
    expect(pharmacyStatusText({ status: 'received', reissueNeeded: false })).toBe(PRESCRIPTION_STATUS_LABELS.received);
    expect(pharmacyStatusText({ status: 'received', reissueNeeded: true })).toBe('Do not dispense: to be issued again');
  });
});
