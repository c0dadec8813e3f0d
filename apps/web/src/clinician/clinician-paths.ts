import { ROLE_BASE_PATH } from '../session/role-paths';

export function patientDetailPath(patientId: string): string {
  return `${ROLE_BASE_PATH.clinician}/patients/${encodeURIComponent(patientId)}`;
}
