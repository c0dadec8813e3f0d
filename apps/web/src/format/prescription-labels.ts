import type { FormularyMedicine, PrescribingAlert, PrescriptionStatus } from '@confide/contract';

/** Where a prescription has got to, in plain English, for the prescriber, the patient and the pharmacist. */
export const PRESCRIPTION_STATUS_LABELS: Record<PrescriptionStatus, string> = {
  issued: 'Sent to the pharmacy',
  received: 'Received by the pharmacy',
  dispensed: 'Ready to collect',
  'partly-dispensed': 'Partly ready to collect',
  collected: 'Collected',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** How serious a prescribing alert is, in one word said before its message. */
export const ALERT_SEVERITY_LABELS: Record<PrescribingAlert['severity'], string> = {
  blocked: 'Blocked',
  contraindicated: 'Contraindicated',
  severe: 'Severe',
  moderate: 'Moderate',
  caution: 'Caution',
};

/** A medicine as it is named everywhere: "Amoxicillin 500 mg capsule". */
export function medicineLabel(medicine: Pick<FormularyMedicine, 'name' | 'strength' | 'form'>): string {
  return [medicine.name, medicine.strength, medicine.form].map((part) => part.trim()).filter(Boolean).join(' ');
}
