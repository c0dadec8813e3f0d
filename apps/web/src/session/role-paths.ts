import { isStaffRole, type Role } from '@confide/domain';
import type { Me } from '@confide/contract';

/** Where each role's pages live; every page under a prefix belongs to that role only. */
export const ROLE_BASE_PATH: Record<Role, string> = {
  patient: '/patient',
  clinician: '/clinician',
  pharmacist: '/pharmacist',
  partner_admin: '/partner',
  clinic_admin: '/admin',
};

export const SIGN_IN_PATH = '/sign-in';
export const TWO_STEP_SETUP_PATH = '/two-step-verification';

export function profilePathFor(role: Role): string {
  return `${ROLE_BASE_PATH[role]}/profile`;
}

/** Staff must pass (or set up) two-step verification before they see anything. */
export function needsTwoStepSetup(user: Me): boolean {
  return isStaffRole(user.role) && !user.mfa.satisfied;
}

/** Where to go once signed in: back to the page the user asked for, if it is one of theirs. */
export function pathAfterSignIn(user: Me, requested?: string): string {
  if (needsTwoStepSetup(user)) return TWO_STEP_SETUP_PATH;
  const base = ROLE_BASE_PATH[user.role];
  if (requested && (requested === base || requested.startsWith(`${base}/`))) return requested;
  return profilePathFor(user.role);
}
