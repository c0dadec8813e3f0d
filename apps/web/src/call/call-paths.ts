import type { Participant } from '@confide/contract';
import { ROLE_BASE_PATH } from '../session/role-paths';

/** The call page, under the participant's own pages: /patient/consultations/:id/call or /clinician/…/call. */
export function callPath(role: Participant, consultationId: string): string {
  return `${ROLE_BASE_PATH[role]}/consultations/${encodeURIComponent(consultationId)}/call`;
}
