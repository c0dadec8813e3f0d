import type { Role } from './roles';

/**
 * Who is acting. Made only from a verified session; there is no default principal.
 * `patientId` is set for patients, `organisationId` for pharmacists, partner admins and staff of a clinic.
 */
export interface Principal {
  readonly userId: string;
  /** How the person is named to others in audit and access history (e.g. "Dr Asha Patel"). */
  readonly displayName: string;
  readonly role: Role;
  readonly sessionId: string;
  readonly patientId: string | null;
  readonly organisationId: string | null;
  /** True once a staff member has passed (or enrolled) their second factor in this session; always true for patients. */
  readonly mfaSatisfied: boolean;
}
