import type { Prescription, PrescriptionStatus } from '@confide/contract';

/** Sent to the pharmacy and not yet fully supplied: the pharmacist still has something to do. */
const TO_DISPENSE: readonly PrescriptionStatus[] = ['issued', 'received', 'partly-dispensed'];
/** Supplied in full or in part, so the patient can collect it. */
const COLLECTABLE: readonly PrescriptionStatus[] = ['dispensed', 'partly-dispensed'];

/** Quantities may be fractions (such as ml): keep sums free of floating-point crumbs like 0.30000000000000004. */
function tidy(quantity: number): number {
  return Math.round(quantity * 1000) / 1000;
}

export function isToDispense(status: PrescriptionStatus): boolean {
  return TO_DISPENSE.includes(status);
}

export interface PrescriptionGroups {
  /** Issued, received or partly dispensed. */
  toDispense: Prescription[];
  /** Dispensed, collected, cancelled or expired. */
  closed: Prescription[];
}

/** The pharmacy's prescriptions in two groups, each in the order given (newest first from the API). */
export function groupPrescriptions(prescriptions: readonly Prescription[]): PrescriptionGroups {
  const groups: PrescriptionGroups = { toDispense: [], closed: [] };
  for (const prescription of prescriptions) {
    (isToDispense(prescription.status) ? groups.toDispense : groups.closed).push(prescription);
  }
  return groups;
}

/** How much has been supplied so far, over every dispensing. */
export function suppliedQuantity(prescription: Pick<Prescription, 'dispensedQuantity'>): number {
  return tidy(prescription.dispensedQuantity ?? 0);
}

/** How much is still to supply; never below nothing. */
export function remainingQuantity(prescription: Pick<Prescription, 'quantity' | 'dispensedQuantity'>): number {
  return Math.max(0, tidy(prescription.quantity - suppliedQuantity(prescription)));
}

/** Whether the pharmacist may dispense it now: still to dispense, something left to supply, and a valid signature. */
export function canDispense(prescription: Pick<Prescription, 'status' | 'quantity' | 'dispensedQuantity' | 'signature'>): boolean {
  return isToDispense(prescription.status) && prescription.signature?.valid === true && remainingQuantity(prescription) > 0;
}

/** Whether it can be marked as collected: only once something has been supplied, and not yet collected. */
export function canMarkCollected(prescription: Pick<Prescription, 'status'>): boolean {
  return COLLECTABLE.includes(prescription.status);
}

const QUANTITY = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A quantity for reading: "28", "2.5", "1,000". */
export function formatQuantity(quantity: number): string {
  return QUANTITY.format(quantity);
}

/** A quantity as a form field's starting value: plain digits, no thousands separators ("1000", "2.5"). */
export function quantityInputValue(quantity: number): string {
  return String(tidy(quantity));
}

/** What has been supplied, once anything has: "Dispensed", or "Partly dispensed: 14 of 28 supplied". */
export function dispensedText(prescription: Pick<Prescription, 'status' | 'quantity' | 'dispensedQuantity'>): string | null {
  if (prescription.status === 'dispensed') return 'Dispensed';
  if (prescription.status === 'partly-dispensed') {
    return `Partly dispensed: ${formatQuantity(suppliedQuantity(prescription))} of ${formatQuantity(prescription.quantity)} supplied`;
  }
  return null;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** A typed quantity as a number ("28", " 2.5 ", "1,000"), or null if it is not one. */
export function parseQuantity(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  return NUMBER.test(cleaned) ? Number(cleaned) : null;
}

export type QuantityCheck = { ok: true; quantity: number } | { ok: false; error: string };

/** Checks the quantity supplied before sending it: a number above nothing, and no more than is still to supply. */
export function checkQuantitySupplied(text: string, remaining: number): QuantityCheck {
  if (text.trim() === '') return { ok: false, error: 'Enter the quantity supplied.' };
  const quantity = parseQuantity(text);
  if (quantity === null) return { ok: false, error: 'Enter the quantity supplied as a number, like 28.' };
  if (quantity <= 0) return { ok: false, error: 'Enter a quantity supplied above 0.' };
  if (tidy(quantity) > remaining) {
    return { ok: false, error: `The quantity supplied must be no more than the ${formatQuantity(remaining)} still to supply.` };
  }
  return { ok: true, quantity };
}

/** Why a prescription can no longer be dispensed, when that is because of its status; null otherwise. */
export function closedText(prescription: Pick<Prescription, 'status'>): string | null {
  switch (prescription.status) {
    case 'cancelled':
      return 'This prescription has been cancelled, so it must not be dispensed.';
    case 'expired':
      return 'This prescription has expired, so it must not be dispensed.';
    case 'collected':
      return 'The patient has collected this prescription.';
    default:
      return null;
  }
}
