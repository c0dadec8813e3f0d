import { describe, expect, it } from 'vitest';
import type { Prescription } from '@confide/contract';
import {
  canDispense,
  canMarkCollected,
  checkQuantitySupplied,
  closedText,
  dispensedText,
  groupPrescriptions,
  parseQuantity,
  quantityInputValue,
  remainingQuantity,
} from './prescription-dispensing';

const validSignature = { valid: true, algorithm: 'Ed25519', keyId: '00000000-0000-4000-8000-000000000001', problem: null };

function prescription(overrides: Partial<Prescription>): Prescription {
  return { id: 'p', status: 'issued', quantity: 28, dispensedQuantity: null, signature: validSignature, ...overrides } as Prescription;
}

describe('the pharmacy’s prescriptions', () => {
  it('puts those still to dispense first, keeping the order given', () => {
    const list = [
      prescription({ id: 'a', status: 'collected' }),
      prescription({ id: 'b', status: 'issued' }),
      prescription({ id: 'c', status: 'partly-dispensed' }),
      prescription({ id: 'd', status: 'dispensed' }),
      prescription({ id: 'e', status: 'received' }),
      prescription({ id: 'f', status: 'cancelled' }),
      prescription({ id: 'g', status: 'expired' }),
    ];
    const { toDispense, closed } = groupPrescriptions(list);
    expect(toDispense.map((p) => p.id)).toEqual(['b', 'c', 'e']);
    expect(closed.map((p) => p.id)).toEqual(['a', 'd', 'f', 'g']);
  });

  it('has empty groups for no prescriptions', () => {
    expect(groupPrescriptions([])).toEqual({ toDispense: [], closed: [] });
  });
});

describe('how much is left to supply', () => {
  it('is all of it before anything is supplied', () => {
    expect(remainingQuantity(prescription({ quantity: 28, dispensedQuantity: null }))).toBe(28);
  });

  it('is what is left after a part supply', () => {
    expect(remainingQuantity(prescription({ quantity: 28, dispensedQuantity: 14 }))).toBe(14);
  });

  it('is never below nothing, and free of floating-point crumbs', () => {
    expect(remainingQuantity(prescription({ quantity: 28, dispensedQuantity: 30 }))).toBe(0);
    expect(remainingQuantity(prescription({ quantity: 0.3, dispensedQuantity: 0.1 }))).toBe(0.2);
  });

  it('starts the field with plain digits', () => {
    expect(quantityInputValue(1000)).toBe('1000');
    expect(quantityInputValue(0.30000000000000004)).toBe('0.3');
  });
});

describe('what the pharmacist may do', () => {
  it('dispenses only while still to dispense, with something left and a valid signature', () => {
    expect(canDispense(prescription({ status: 'issued' }))).toBe(true);
    expect(canDispense(prescription({ status: 'received' }))).toBe(true);
    expect(canDispense(prescription({ status: 'partly-dispensed', dispensedQuantity: 10 }))).toBe(true);
    expect(canDispense(prescription({ status: 'dispensed', dispensedQuantity: 28 }))).toBe(false);
    expect(canDispense(prescription({ status: 'cancelled' }))).toBe(false);
    expect(canDispense(prescription({ status: 'expired' }))).toBe(false);
    expect(canDispense(prescription({ status: 'collected' }))).toBe(false);
    expect(canDispense(prescription({ status: 'partly-dispensed', dispensedQuantity: 28 }))).toBe(false);
  });

  it('never dispenses with an invalid or missing signature', () => {
    expect(canDispense(prescription({ signature: { ...validSignature, valid: false, problem: 'Tampered.' } }))).toBe(false);
    expect(canDispense(prescription({ signature: null }))).toBe(false);
  });

  it('marks as collected only once something has been supplied', () => {
    expect(canMarkCollected(prescription({ status: 'dispensed' }))).toBe(true);
    expect(canMarkCollected(prescription({ status: 'partly-dispensed' }))).toBe(true);
    expect(canMarkCollected(prescription({ status: 'received' }))).toBe(false);
    expect(canMarkCollected(prescription({ status: 'collected' }))).toBe(false);
    expect(canMarkCollected(prescription({ status: 'cancelled' }))).toBe(false);
  });
});

describe('what has been supplied', () => {
  it('says so in full or in part, or nothing before any supply', () => {
    expect(dispensedText(prescription({ status: 'dispensed', dispensedQuantity: 28 }))).toBe('Dispensed');
    expect(dispensedText(prescription({ status: 'partly-dispensed', quantity: 28, dispensedQuantity: 14 }))).toBe('Partly dispensed: 14 of 28 supplied');
    expect(dispensedText(prescription({ status: 'received' }))).toBeNull();
    expect(dispensedText(prescription({ status: 'collected', dispensedQuantity: 28 }))).toBeNull();
  });
});

describe('the quantity supplied', () => {
  it('reads whole numbers, decimals and thousands', () => {
    expect(parseQuantity('28')).toBe(28);
    expect(parseQuantity(' 2.5 ')).toBe(2.5);
    expect(parseQuantity('1,000')).toBe(1000);
    expect(parseQuantity('ten')).toBeNull();
    expect(parseQuantity('-3')).toBeNull();
    expect(parseQuantity('')).toBeNull();
  });

  it('must be given, be a number above 0 and be no more than is left', () => {
    expect(checkQuantitySupplied('', 28)).toEqual({ ok: false, error: 'Enter the quantity supplied.' });
    expect(checkQuantitySupplied('lots', 28)).toEqual({ ok: false, error: 'Enter the quantity supplied as a number, like 28.' });
    expect(checkQuantitySupplied('0', 28)).toEqual({ ok: false, error: 'Enter a quantity supplied above 0.' });
    expect(checkQuantitySupplied('29', 28)).toEqual({ ok: false, error: 'The quantity supplied must be no more than the 28 still to supply.' });
    expect(checkQuantitySupplied('14', 28)).toEqual({ ok: true, quantity: 14 });
    expect(checkQuantitySupplied('28', 28)).toEqual({ ok: true, quantity: 28 });
  });
});

describe('why it can no longer be dispensed', () => {
  it('says so for cancelled, expired and collected prescriptions only', () => {
    expect(closedText({ status: 'cancelled' })).toBe('This prescription has been cancelled, so it must not be dispensed.');
    expect(closedText({ status: 'expired' })).toBe('This prescription has expired, so it must not be dispensed.');
    expect(closedText({ status: 'collected' })).toBe('The patient has collected this prescription.');
    expect(closedText({ status: 'received' })).toBeNull();
    expect(closedText({ status: 'dispensed' })).toBeNull();
  });
});
