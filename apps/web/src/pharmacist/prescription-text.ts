import type { Prescription } from '@confide/contract';
import { PRESCRIPTION_STATUS_LABELS } from '../format/prescription-labels';
import { formatQuantity } from './prescription-dispensing';

function timesADay(times: number): string {
  if (times === 1) return 'once a day';
  if (times === 2) return 'twice a day';
  return `${formatQuantity(times)} times a day`;
}

function forDays(days: number): string {
  return days === 1 ? 'for 1 day' : `for ${formatQuantity(days)} days`;
}

/** The dose as prescribed: "2 each time, 3 times a day, for 7 days". */
export function doseText(prescription: Pick<Prescription, 'dosesPerTime' | 'timesPerDay' | 'durationDays'>): string {
  return `${formatQuantity(prescription.dosesPerTime)} each time, ${timesADay(prescription.timesPerDay)}, ${forDays(prescription.durationDays)}`;
}

/** Who signed it, with what: "Signed by Dr Asha Patel (GMC 7654321) with Ed25519." */
export function signedByText(prescription: Pick<Prescription, 'prescriber' | 'signature'>): string {
  const who = prescriberText(prescription);
  const algorithm = prescription.signature?.algorithm;
  return algorithm ? `Signed by ${who} with ${algorithm}.` : `Signed by ${who}.`;
}

/** Why the signature cannot be trusted, in a sentence, even when the server gives no reason. */
export function signatureProblemText(prescription: Pick<Prescription, 'signature'>): string {
  if (!prescription.signature) return 'This prescription has no signature that can be checked.';
  return prescription.signature.problem ?? 'The signature does not match the prescription or the prescriber’s key.';
}

/** The prescriber, as the summary shows them: "Dr Asha Patel (GMC 7654321)". */
export function prescriberText(prescription: Pick<Prescription, 'prescriber'>): string {
  const { name, registration } = prescription.prescriber;
  return registration ? `${name} (${registration})` : name;
}

/** For a quiet announcement when the list changes: "No prescriptions to dispense.", "3 prescriptions to dispense." */
export function toDispenseCountText(count: number): string {
  if (count === 0) return 'No prescriptions to dispense.';
  return count === 1 ? '1 prescription to dispense.' : `${count} prescriptions to dispense.`;
}

/** The status column of the pharmacy's list: a prescription to be issued again is not to be dispensed, whatever its status. */
export function pharmacyStatusText(prescription: Pick<Prescription, 'status' | 'reissueNeeded'>): string {
  return prescription.reissueNeeded ? 'Do not dispense: to be issued again' : PRESCRIPTION_STATUS_LABELS[prescription.status];
}
