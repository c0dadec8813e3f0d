import { CompactSign, compactVerify, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { KeyProvider } from '../recordings/key-provider';

export const SIGNING_ALGORITHM = 'ES256';

/**
 * What a prescription's signature covers: everything a pharmacy dispenses against. Canonical JSON (keys sorted at every
 * level) so the same prescription always gives the same bytes.
 */
export interface SignedContent {
  readonly id: string;
  readonly token: string;
  readonly patient: { readonly id: string; readonly name: string; readonly dateOfBirth: string };
  /** The prescriber by id: the key that signs is theirs (their name and registration are shown from their profile). */
  readonly prescriber: { readonly id: string };
  readonly pharmacy: { readonly id: string };
  readonly medicine: { readonly id: string; readonly name: string; readonly strength: string; readonly form: string };
  readonly dosesPerTime: number;
  readonly timesPerDay: number;
  readonly durationDays: number;
  readonly quantity: number;
  readonly instructions: string;
  readonly repeatable: boolean;
  readonly repeatOf: string | null;
  readonly issuedAt: string;
  readonly expiresAt: string;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A new ECDSA P-256 key pair for a prescriber: the public JWK to publish, the private JWK wrapped by the key provider. */
export async function newPrescriberKey(keys: KeyProvider, userId: string): Promise<{ publicJwk: JWK; wrappedPrivateKey: string }> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const wrappedPrivateKey = await keys.wrap(Buffer.from(JSON.stringify(privateJwk)), keyContext(userId));
  return { publicJwk: await exportJWK(publicKey), wrappedPrivateKey };
}

const keyContext = (userId: string) => `prescriber-signing-key:${userId}`;

/** Signs the content with the prescriber's private key (unwrapped only for this signature): a compact JWS. */
export async function signPrescription(keys: KeyProvider, userId: string, keyId: string, wrappedPrivateKey: string, content: SignedContent): Promise<string> {
  const jwk = JSON.parse((await keys.unwrap(wrappedPrivateKey, keyContext(userId))).toString('utf8')) as JWK;
  const key = await importJWK(jwk, SIGNING_ALGORITHM);
  return new CompactSign(new TextEncoder().encode(canonicalJson(content)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keyId, typ: 'confide-prescription+jws' })
    .sign(key);
}

export type Verification = { valid: true } | { valid: false; problem: string };

/**
 * What a pharmacy checks before dispensing: the JWS verifies under the prescriber's published public key, names that
 * key, and signs exactly the prescription as it stands now. Any change to the stored prescription or to the JWS fails.
 */
export async function verifyPrescription(jws: string, keyId: string, publicJwk: JWK, expected: SignedContent): Promise<Verification> {
  let payload: Uint8Array;
  try {
    const key = await importJWK(publicJwk, SIGNING_ALGORITHM);
    const result = await compactVerify(jws, key, { algorithms: [SIGNING_ALGORITHM] });
    if (result.protectedHeader.kid !== keyId) return { valid: false, problem: 'It was signed with a different key from the one recorded.' };
    payload = result.payload;
  } catch {
    return { valid: false, problem: 'The signature does not match the prescriber’s key: the prescription has been altered or was not signed by them.' };
  }
  if (new TextDecoder().decode(payload) !== canonicalJson(expected)) {
    return { valid: false, problem: 'The prescription’s details no longer match what the prescriber signed.' };
  }
  return { valid: true };
}
