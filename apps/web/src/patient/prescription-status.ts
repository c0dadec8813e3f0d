import type { Prescription, PrescriptionStatus } from '@confide/contract';
import { localDateOf } from '../format/clinic-time';
import { formatCalendarDate } from '../format/date-format';
import { PRESCRIPTION_STATUS_LABELS } from '../format/prescription-labels';

/** The UK date of a moment, as in "Issued 23 November 2026". */
export function ukDate(instant: string): string {
  return Number.isNaN(Date.parse(instant)) ? instant : formatCalendarDate(localDateOf(instant));
}

type StatusFacts = Pick<Prescription, 'status' | 'reissueNeeded'> & {
  pharmacy: Pick<Prescription['pharmacy'], 'name'>;
  prescriber: Pick<Prescription['prescriber'], 'name'>;
};

/**
 * Where the prescription has got to, saying which pharmacy: "Ready to collect from Boots, High Street". One whose
 * prescriber's signing key was revoked cannot be dispensed until they issue it again.
 */
export function prescriptionStatusText({ status, pharmacy, prescriber, reissueNeeded }: StatusFacts): string {
  if (reissueNeeded) return `Cannot be dispensed yet: ${prescriber.name} needs to issue it again`;
  switch (status) {
    case 'issued':
    case 'received':
      return `Sent to ${pharmacy.name}`;
    case 'dispensed':
      return `Ready to collect from ${pharmacy.name}`;
    case 'partly-dispensed':
      return `Partly ready to collect from ${pharmacy.name}`;
    case 'collected':
      return `Collected from ${pharmacy.name}`;
    default:
      return PRESCRIPTION_STATUS_LABELS[status];
  }
}

/** How much was prescribed, and, while only part of it is ready, how much is: "28 (14 ready to collect so far)". */
export function quantityText(prescription: Pick<Prescription, 'quantity' | 'status' | 'dispensedQuantity'>): string {
  const { quantity, status, dispensedQuantity } = prescription;
  if (status === 'partly-dispensed' && dispensedQuantity !== null) return `${quantity} (${dispensedQuantity} ready to collect so far)`;
  return String(quantity);
}

/** The prescription's reference in groups of four, easier to read out at the pharmacy: "ABCD EFGH JKMN PQRS TVWX". */
export function formatToken(token: string): string {
  const compact = token.replace(/\s+/g, '');
  return compact.match(/.{1,4}/g)?.join(' ') ?? compact;
}

export interface TimelineStep {
  label: string;
  /** When it happened, if it has and the date is known. */
  at: string | null;
  reached: boolean;
}

type TimelineFacts = Pick<Prescription, 'status' | 'issuedAt' | 'receivedAt' | 'dispensedAt' | 'collectedAt' | 'cancelledAt' | 'expiresAt'>;

/** How far along the usual way each status is; cancelled and expired prescriptions go by their dates only. */
const PROGRESS: Partial<Record<PrescriptionStatus, number>> = { issued: 0, received: 1, dispensed: 2, 'partly-dispensed': 2, collected: 3 };

/**
 * The prescription's journey: Issued → Received by the pharmacy → Ready to collect → Collected, each with its date
 * once reached. A cancelled or expired prescription ends there instead, without the steps it will never reach.
 */
export function timelineSteps(prescription: TimelineFacts): TimelineStep[] {
  const { status } = prescription;
  const progress = PROGRESS[status] ?? -1;
  const ready = status === 'partly-dispensed' ? PRESCRIPTION_STATUS_LABELS['partly-dispensed'] : PRESCRIPTION_STATUS_LABELS.dispensed;
  const usual: [string, string | null][] = [
    ['Issued', prescription.issuedAt],
    [PRESCRIPTION_STATUS_LABELS.received, prescription.receivedAt],
    [ready, prescription.dispensedAt],
    [PRESCRIPTION_STATUS_LABELS.collected, prescription.collectedAt],
  ];
  const steps = usual.map(([label, at], index) => ({ label, at, reached: at !== null || index <= progress }));
  if (status === 'cancelled') {
    return [...steps.filter((step) => step.reached), { label: PRESCRIPTION_STATUS_LABELS.cancelled, at: prescription.cancelledAt, reached: true }];
  }
  if (status === 'expired') {
    return [...steps.filter((step) => step.reached), { label: PRESCRIPTION_STATUS_LABELS.expired, at: prescription.expiresAt, reached: true }];
  }
  return steps;
}
