import type { Role } from '@confide/domain';
import { ROLE_BASE_PATH, profilePathFor } from '../session/role-paths';

export interface NavItem {
  label: string;
  to: string;
}

/** The header links each role sees once signed in. */
export function navItemsFor(role: Role): NavItem[] {
  const base = ROLE_BASE_PATH[role];
  const profile: NavItem = { label: 'Profile', to: profilePathFor(role) };
  switch (role) {
    case 'patient':
      return [
        { label: 'Check symptoms', to: `${base}/symptoms` },
        { label: 'Book', to: `${base}/book` },
        { label: 'Appointments', to: `${base}/appointments` },
        { label: 'Consultation Replays', to: `${base}/replays` },
        { label: 'Prescriptions', to: `${base}/prescriptions` },
        { label: 'Pharmacy', to: `${base}/pharmacy` },
        { label: 'NHS and memberships', to: `${base}/access` },
        profile,
      ];
    case 'clinician':
      return [
        { label: 'Your day', to: `${base}/day` },
        { label: 'Availability', to: `${base}/availability` },
        { label: 'Repeat requests', to: `${base}/repeat-requests` },
        { label: 'Emergency access', to: `${base}/break-glass` },
        { label: 'Signing key', to: `${base}/signing-key` },
        profile,
      ];
    case 'clinic_admin':
      return [
        profile,
        { label: 'Staff', to: `${base}/staff` },
        { label: 'Audit log', to: `${base}/audit` },
        { label: 'Outbox', to: `${base}/outbox` },
        { label: 'Service switches', to: `${base}/switches` },
        { label: 'Incidents', to: `${base}/incidents` },
        { label: 'Emergency access', to: `${base}/break-glass` },
        { label: 'Pharmacies', to: `${base}/pharmacies` },
        { label: 'Signing keys', to: `${base}/signing-keys` },
      ];
    case 'partner_admin':
      return [{ label: 'Members', to: `${base}/members` }, { label: 'Usage', to: `${base}/usage` }, profile];
    case 'pharmacist':
      return [{ label: 'Prescriptions', to: `${base}/prescriptions` }, profile];
    default:
      return [profile];
  }
}
