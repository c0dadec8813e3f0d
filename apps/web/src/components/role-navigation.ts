import type { Role } from '@confide/domain';
import { ROLE_BASE_PATH, profilePathFor } from '../session/role-paths';

export interface NavItem {
  label: string;
  to: string;
}

/** The header links each role sees once signed in. */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [{ label: 'Profile', to: profilePathFor(role) }];
  if (role === 'clinic_admin') {
    const base = ROLE_BASE_PATH.clinic_admin;
    items.push(
      { label: 'Staff', to: `${base}/staff` },
      { label: 'Audit log', to: `${base}/audit` },
      { label: 'Outbox', to: `${base}/outbox` },
    );
  }
  return items;
}
