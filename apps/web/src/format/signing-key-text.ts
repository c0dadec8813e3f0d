import type { RevokeSigningKeyResult, SigningKey } from '@confide/contract';
import { formatDateAndTime } from './clinic-time';

/**
 * What the signing key pages say: the prescriber's own page (clinician) and every prescriber's keys (clinic admin).
 * Dates and times are the clinic's (see clinic-time).
 */

/** How much of a fingerprint is shown: enough to tell keys apart by eye. */
export const SHORT_FINGERPRINT_LENGTH = 16;

export const NO_KEY_YET = 'You have no signing key yet. One is made when you sign your first prescription.';
export const NO_KEY_IN_USE = 'Your signing key was revoked, so you have none in use. A new one is made when you sign your next prescription.';
export const KEY_REPLACED = 'Your new signing key is in use. Prescriptions you signed before still verify.';
export const ALREADY_REVOKED = 'This key had already been revoked. The list now shows it as it is.';

/** The start of a fingerprint in groups of 4, to compare by eye: "AbCd EfGh IjKl MnOp". */
export function shortFingerprint(thumbprint: string, length: number = SHORT_FINGERPRINT_LENGTH): string {
  return (thumbprint.slice(0, length).match(/.{1,4}/g) ?? []).join(' ');
}

/** "Dr Ann Smith’s". */
export function possessive(name: string): string {
  return `${name}’s`;
}

/** The key that signs now: neither replaced nor revoked. */
export function keyInUse(keys: readonly SigningKey[]): SigningKey | undefined {
  return keys.find((key) => key.retiredAt === null && key.revokedAt === null);
}

/** Where a key stands: "In use", "Replaced on …", "Revoked on …: Laptop stolen". */
export function keyStatusText(key: SigningKey): string {
  if (key.revokedAt) return `Revoked on ${formatDateAndTime(key.revokedAt)}${key.revokedReason ? `: ${key.revokedReason}` : ''}`;
  if (key.retiredAt) return `Replaced on ${formatDateAndTime(key.retiredAt)}`;
  return 'In use';
}

/** For the prescriber's table of earlier keys: "No", or "Yes, on …. Reason: Laptop stolen". */
export function revokedText(key: SigningKey): string {
  if (!key.revokedAt) return 'No';
  const on = `Yes, on ${formatDateAndTime(key.revokedAt)}`;
  return key.revokedReason ? `${on}. Reason: ${key.revokedReason}` : on;
}

/** Names one key among all on the page: "Dr Ann Smith’s key created Tuesday 24 November 2026 at 09:30, fingerprint AbCd EfGh IjKl MnOp". */
export function keyDescription(key: SigningKey): string {
  return `${possessive(key.prescriber.name)} key created ${formatDateAndTime(key.createdAt)}, fingerprint ${shortFingerprint(key.thumbprint)}`;
}

/** After revoking: the key, and how many prescriptions it signed can no longer be dispensed. */
export function revokedNoticeText({ key, undispensedPrescriptions: count }: RevokeSigningKeyResult): string {
  const name = key.prescriber.name;
  const revoked = `${possessive(name)} key is revoked.`;
  if (count === 0) return `${revoked} No prescriptions waiting to be dispensed were signed with it.`;
  if (count === 1) return `${revoked} 1 prescription it signed that was not yet dispensed can no longer be dispensed: ${name} must issue it again.`;
  return `${revoked} ${count} prescriptions it signed that were not yet dispensed can no longer be dispensed: ${name} must issue them again.`;
}

export interface PrescriberKeys {
  prescriber: SigningKey['prescriber'];
  keys: SigningKey[];
}

/** Keys grouped by prescriber, keeping the order they came in (the API's: by name, then newest first). */
export function keysByPrescriber(keys: readonly SigningKey[]): PrescriberKeys[] {
  const groups = new Map<string, PrescriberKeys>();
  for (const key of keys) {
    const group = groups.get(key.prescriber.id);
    if (group) group.keys.push(key);
    else groups.set(key.prescriber.id, { prescriber: key.prescriber, keys: [key] });
  }
  return [...groups.values()];
}
