import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalKeyProvider } from '../recordings/key-provider';
import { newPrescriberKey, signPrescription, verifyPrescription, type SignedContent } from './prescription-signature';
import { newPrescriptionToken, PRESCRIPTION_TOKEN } from './prescription-token';

const keys = new LocalKeyProvider(randomBytes(32));
const content: SignedContent = {
  id: randomUUID(), token: newPrescriptionToken(),
  patient: { id: randomUUID(), name: 'Ada Lovelace', dateOfBirth: '1990-01-01' },
  prescriber: { id: randomUUID() },
  pharmacy: { id: randomUUID() },
  medicine: { id: 'clarithromycin-500mg-tablet', name: 'Clarithromycin', strength: '500 mg', form: 'tablet' },
  dosesPerTime: 1, timesPerDay: 2, durationDays: 5, quantity: 10, instructions: 'Take one tablet twice a day', repeatable: false, repeatOf: null,
  issuedAt: '2026-11-23T10:00:00.000Z', expiresAt: '2027-05-23T10:00:00.000Z',
};

describe('prescription signatures (ES256 through jose)', () => {
  it('verify for the signed content and key, and fail for any change to the content, the JWS or the key', async () => {
    const userId = content.prescriber.id;
    const key = await newPrescriberKey(keys, userId);
    const keyId = randomUUID();
    const jws = await signPrescription(keys, userId, keyId, key.wrappedPrivateKey, content);
    expect(await verifyPrescription(jws, keyId, key.publicJwk, content)).toEqual({ valid: true });

    // Any field changed after signing.
    for (const tampered of [{ ...content, quantity: 100 }, { ...content, patient: { ...content.patient, name: 'Someone Else' } }, { ...content, pharmacy: { ...content.pharmacy, id: randomUUID() } }]) {
      expect((await verifyPrescription(jws, keyId, key.publicJwk, tampered)).valid).toBe(false);
    }
    // Any character of the JWS changed (but the last of each part, whose low bits base64url may ignore).
    await fc.assert(fc.asyncProperty(fc.nat(jws.length - 2), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), async (i, c) => {
      fc.pre(jws[i] !== c && jws[i] !== '.' && jws[i + 1] !== '.');
      const altered = jws.slice(0, i) + c + jws.slice(i + 1);
      expect((await verifyPrescription(altered, keyId, key.publicJwk, content)).valid).toBe(false);
    }), { numRuns: 60 });
    // Another prescriber's key, or the right key under another id.
    const other = await newPrescriberKey(keys, randomUUID());
    expect((await verifyPrescription(jws, keyId, other.publicJwk, content)).valid).toBe(false);
    expect((await verifyPrescription(jws, randomUUID(), key.publicJwk, content)).valid).toBe(false);
  });

  it('a private key wrapped for one prescriber does not unwrap as another’s', async () => {
    const key = await newPrescriberKey(keys, content.prescriber.id);
    await expect(signPrescription(keys, randomUUID(), randomUUID(), key.wrappedPrivateKey, content)).rejects.toThrow();
  });

  it('tokens are 20 Crockford base32 characters and do not repeat', () => {
    const tokens = Array.from({ length: 20_000 }, newPrescriptionToken);
    expect(tokens.every((t) => PRESCRIPTION_TOKEN.test(t))).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
