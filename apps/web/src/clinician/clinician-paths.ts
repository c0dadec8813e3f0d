import { ROLE_BASE_PATH } from '../session/role-paths';

export const CLINICIAN_DAY_PATH = `${ROLE_BASE_PATH.clinician}/day`;
export const AVAILABILITY_PATH = `${ROLE_BASE_PATH.clinician}/availability`;

export function patientDetailPath(patientId: string): string {
  return `${ROLE_BASE_PATH.clinician}/patients/${encodeURIComponent(patientId)}`;
}

export function consultationNotesPath(consultationId: string): string {
  return `${ROLE_BASE_PATH.clinician}/consultations/${encodeURIComponent(consultationId)}/notes`;
}

export const REPEAT_REQUESTS_PATH = `${ROLE_BASE_PATH.clinician}/repeat-requests`;
export const SIGNING_KEY_PATH = `${ROLE_BASE_PATH.clinician}/signing-key`;

export function prescribePath(consultationId: string): string {
  return `${ROLE_BASE_PATH.clinician}/consultations/${encodeURIComponent(consultationId)}/prescribe`;
}
