import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

function totp(secretBase32: string, label = 'Confide'): TOTP {
  return new TOTP({ issuer: 'Confide', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export function currentTotpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/**
 * Checks a code within one step of clock drift and returns the time step it matched, so a caller can refuse
 * a code whose step was already used (no replay). Null if the code is wrong.
 */
export function matchTotpStep(secretBase32: string, code: string, at = Date.now()): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD) + delta;
}
