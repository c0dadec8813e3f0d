/** The kinds of account Confide has. Staff roles must enrol a second factor before they see anything. */
export const ROLES = ['patient', 'clinician', 'pharmacist', 'partner_admin', 'clinic_admin'] as const;
export type Role = (typeof ROLES)[number];

export const PROFESSIONS = ['gp', 'nurse', 'therapist', 'specialist'] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const STAFF_ROLES: readonly Role[] = ['clinician', 'pharmacist', 'partner_admin', 'clinic_admin'];

export function isStaffRole(role: Role): boolean {
  return role !== 'patient';
}

export const ROLE_LABELS: Record<Role, string> = {
  patient: 'Patient',
  clinician: 'Clinician',
  pharmacist: 'Pharmacist',
  partner_admin: 'Partner administrator',
  clinic_admin: 'Clinic administrator',
};
