import type { Prescription } from '@confide/contract';
import { describe, expect, it } from 'vitest';
import { formatToken, prescriptionStatusText, quantityText, timelineSteps, ukDate } from './prescription-status';

const pharmacy = { name: 'Boots, High Street' };
const at = (status: Prescription['status'], reissueNeeded = false) => ({ status, pharmacy, prescriber: { name: 'Dr Asha Patel' }, reissueNeeded });

const issued = {
  status: 'issued',
  issuedAt: '2026-11-23T10:15:00Z',
  receivedAt: null,
  dispensedAt: null,
  collectedAt: null,
  cancelledAt: null,
  expiresAt: '2027-05-23T10:15:00Z',
} as const;

describe('where a prescription has got to', () => {
  it('names the pharmacy while it is on its way or ready', () => {
    expect(prescriptionStatusText(at('issued'))).toBe('Sent to Boots, High Street');
    expect(prescriptionStatusText(at('received'))).toBe('Sent to Boots, High Street');
    expect(prescriptionStatusText(at('dispensed'))).toBe('Ready to collect from Boots, High Street');
    expect(prescriptionStatusText(at('partly-dispensed'))).toBe('Partly ready to collect from Boots, High Street');
    expect(prescriptionStatusText(at('collected'))).toBe('Collected from Boots, High Street');
  });

  it('says plainly when it has ended', () => {
    expect(prescriptionStatusText(at('cancelled'))).toBe('Cancelled');
    expect(prescriptionStatusText(at('expired'))).toBe('Expired');
  });

  it('says who must issue it again when their signing key was revoked before it was dispensed', () => {
    expect(prescriptionStatusText(at('received', true))).toBe('Cannot be dispensed yet: Dr Asha Patel needs to issue it again');
  });
});

describe('dates, quantities and the reference', () => {
  it('gives the UK date of a moment', () => {
    expect(ukDate('2026-11-23T10:15:00Z')).toBe('23 November 2026');
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(ukDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(ukDate('not a date')).toBe('not a date');
  });

  it('says how much is ready while only part of it is', () => {
    expect(quantityText({ quantity: 28, status: 'partly-dispensed', dispensedQuantity: 14 })).toBe('28 (14 ready to collect so far)');
    expect(quantityText({ quantity: 28, status: 'dispensed', dispensedQuantity: 28 })).toBe('28');
    expect(quantityText({ quantity: 2.5, status: 'issued', dispensedQuantity: null })).toBe('2.5');
  });

  it('groups the reference in fours', () => {
    expect(formatToken('ABCDEFGHJKMNPQRSTVWX')).toBe('ABCD EFGH JKMN PQRS TVWX');
    expect(formatToken('ABCDEF')).toBe('ABCD EF');
  });
});

describe('the status timeline', () => {
  it('has the usual four steps, only the first reached when just issued', () => {
    expect(timelineSteps(issued)).toEqual([
      { label: 'Issued', at: '2026-11-23T10:15:00Z', reached: true },
      { label: 'Received by the pharmacy', at: null, reached: false },
      { label: 'Ready to collect', at: null, reached: false },
      { label: 'Collected', at: null, reached: false },
    ]);
  });

  it('marks the steps reached with their dates', () => {
    const ready = { ...issued, status: 'dispensed', receivedAt: '2026-11-23T11:00:00Z', dispensedAt: '2026-11-24T09:00:00Z' } as const;
    expect(timelineSteps(ready).map((step) => [step.label, step.reached, step.at])).toEqual([
      ['Issued', true, '2026-11-23T10:15:00Z'],
      ['Received by the pharmacy', true, '2026-11-23T11:00:00Z'],
      ['Ready to collect', true, '2026-11-24T09:00:00Z'],
      ['Collected', false, null],
    ]);
  });

  it('counts a step as reached by the status even if its date is missing', () => {
    const collected = { ...issued, status: 'collected', collectedAt: '2026-11-25T12:00:00Z' } as const;
    expect(timelineSteps(collected).every((step) => step.reached)).toBe(true);
  });

  it('says when only part is ready', () => {
    const partly = { ...issued, status: 'partly-dispensed', receivedAt: '2026-11-23T11:00:00Z', dispensedAt: '2026-11-24T09:00:00Z' } as const;
    expect(timelineSteps(partly)[2]).toEqual({ label: 'Partly ready to collect', at: '2026-11-24T09:00:00Z', reached: true });
  });

  it('ends at the cancellation, without the steps it will never reach', () => {
    const cancelled = { ...issued, status: 'cancelled', receivedAt: '2026-11-23T11:00:00Z', cancelledAt: '2026-11-23T12:00:00Z' } as const;
    expect(timelineSteps(cancelled)).toEqual([
      { label: 'Issued', at: '2026-11-23T10:15:00Z', reached: true },
      { label: 'Received by the pharmacy', at: '2026-11-23T11:00:00Z', reached: true },
      { label: 'Cancelled', at: '2026-11-23T12:00:00Z', reached: true },
    ]);
  });

  it('ends at the expiry date when it ran out', () => {
    const expired = { ...issued, status: 'expired' } as const;
    expect(timelineSteps(expired).map((step) => step.label)).toEqual(['Issued', 'Expired']);
    expect(timelineSteps(expired)[1]?.at).toBe('2027-05-23T10:15:00Z');
  });
});
