import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so a token read aloud or typed at a pharmacy counter is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A prescription's reference: 100 bits from the operating system's CSPRNG as 20 base32 characters. Unguessable (2^100);
 * the database's UNIQUE constraint makes it unique.
 */
export function newPrescriptionToken(): string {
  const bytes = randomBytes(13); // 104 bits; the first 100 are used
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  bits >>= 4n;
  let token = '';
  for (let i = 0; i < 20; i++) {
    token = ALPHABET[Number(bits & 31n)]! + token;
    bits >>= 5n;
  }
  return token;
}

export const PRESCRIPTION_TOKEN = /^[0-9A-HJKMNP-TV-Z]{20}$/;
