import { ROLE_BASE_PATH } from '../session/role-paths';

const base = ROLE_BASE_PATH.partner_admin;

export const PARTNER_PATHS = {
  profile: `${base}/profile`,
  members: `${base}/members`,
  usage: `${base}/usage`,
} as const;
