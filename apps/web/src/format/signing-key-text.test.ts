import { describe, expect, it } from 'vitest';
import type { SigningKey } from '@confide/contract';
import {
  keyDescription,
  keyInUse,
  keysByPrescriber,
  keyStatusText,
  possessive,
  revokedNoticeText,
  revokedText,
  shortFingerprint,
} from './signing-key-text';

const THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const ann = { id: '00000000-0000-4000-8000-000000000001', name: 'Dr Ann Smith' };
const bob = { id: '00000000-0000-4000-8000-000000000002', name: 'Dr Bob Jones' };

/** A key in use, created at 09:30 UK time on Tuesday 24 November 2026 (GMT, so 09:30 UTC). */
function key(changes: Partial<SigningKey> = {}): SigningKey {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    prescriber: ann,
    createdAt: '2026-11-24T09:30:00Z',
    retiredAt: null,
    revokedAt: null,
    revokedReason: null,
    thumbprint: THUMBPRINT,
    ...changes,
  };
}

describe('what the signing key pages say', () => {
  it('shows the start of a fingerprint in groups of 4', () => {
    expect(shortFingerprint(THUMBPRINT)).toBe('NzbL sXh8 uDCc d-6M');
    expect(shortFingerprint(THUMBPRINT, 6)).toBe('NzbL sX');
    expect(shortFingerprint('')).toBe('');
  });

  it('says whose key it is', () => {
    expect(possessive('Dr Ann Smith')).toBe('Dr Ann Smith’s');
  });

  it('says where a key stands, with the reason it was revoked', () => {
    expect(keyStatusText(key())).toBe('In use');
    expect(keyStatusText(key({ retiredAt: '2026-11-24T10:00:00Z' }))).toBe('Replaced on Tuesday 24 November 2026 at 10:00');
    const revoked = key({ retiredAt: '2026-11-25T08:15:00Z', revokedAt: '2026-11-25T08:15:00Z', revokedReason: 'Laptop stolen' });
    expect(keyStatusText(revoked)).toBe('Revoked on Wednesday 25 November 2026 at 08:15: Laptop stolen');
    expect(keyStatusText({ ...revoked, revokedReason: null })).toBe('Revoked on Wednesday 25 November 2026 at 08:15');
  });

  it('tells the prescriber whether an earlier key was revoked, and why', () => {
    expect(revokedText(key({ retiredAt: '2026-11-24T10:00:00Z' }))).toBe('No');
    expect(revokedText(key({ revokedAt: '2026-11-25T08:15:00Z', revokedReason: 'Laptop stolen' }))).toBe(
      'Yes, on Wednesday 25 November 2026 at 08:15. Reason: Laptop stolen',
    );
    expect(revokedText(key({ revokedAt: '2026-11-25T08:15:00Z' }))).toBe('Yes, on Wednesday 25 November 2026 at 08:15');
  });

  it('names a key so that two made in the same minute are still told apart', () => {
    expect(keyDescription(key())).toBe('Dr Ann Smith’s key created Tuesday 24 November 2026 at 09:30, fingerprint NzbL sXh8 uDCc d-6M');
    expect(keyDescription(key({ thumbprint: `X${THUMBPRINT.slice(1)}` }))).not.toBe(keyDescription(key()));
  });

  it('finds the key in use: not replaced, not revoked', () => {
    const replaced = key({ id: '10000000-0000-4000-8000-000000000002', retiredAt: '2026-11-24T10:00:00Z' });
    const inUse = key({ id: '10000000-0000-4000-8000-000000000003' });
    expect(keyInUse([inUse, replaced])).toBe(inUse);
    expect(keyInUse([replaced])).toBeUndefined();
    expect(keyInUse([])).toBeUndefined();
  });

  it('counts the prescriptions that can no longer be dispensed, in words', () => {
    const revoked = key({ revokedAt: '2026-11-25T08:15:00Z' });
    expect(revokedNoticeText({ key: revoked, undispensedPrescriptions: 0 })).toBe(
      'Dr Ann Smith’s key is revoked. No prescriptions waiting to be dispensed were signed with it.',
    );
    expect(revokedNoticeText({ key: revoked, undispensedPrescriptions: 1 })).toBe(
      'Dr Ann Smith’s key is revoked. 1 prescription it signed that was not yet dispensed can no longer be dispensed: Dr Ann Smith must issue it again.',
    );
    expect(revokedNoticeText({ key: revoked, undispensedPrescriptions: 2 })).toBe(
      'Dr Ann Smith’s key is revoked. 2 prescriptions it signed that were not yet dispensed can no longer be dispensed: Dr Ann Smith must issue them again.',
    );
  });

  it('groups keys by prescriber, in the order they came', () => {
    const a1 = key({ id: '20000000-0000-4000-8000-000000000001' });
    const a2 = key({ id: '20000000-0000-4000-8000-000000000002', retiredAt: '2026-11-24T10:00:00Z' });
    const b1 = key({ id: '20000000-0000-4000-8000-000000000003', prescriber: bob });
    expect(keysByPrescriber([a1, a2, b1])).toEqual([
      { prescriber: ann, keys: [a1, a2] },
      { prescriber: bob, keys: [b1] },
    ]);
    expect(keysByPrescriber([])).toEqual([]);
  });
});
