import { ROLE_BASE_PATH } from '../session/role-paths';

/** The prescriptions sent to the pharmacist's pharmacy. */
export const PHARMACY_PRESCRIPTIONS_PATH = `${ROLE_BASE_PATH.pharmacist}/prescriptions`;

/** One prescription, to check and dispense. */
export function pharmacyPrescriptionPath(prescriptionId: string): string {
  return `${PHARMACY_PRESCRIPTIONS_PATH}/${encodeURIComponent(prescriptionId)}`;
}
