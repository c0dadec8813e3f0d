import { ROLE_BASE_PATH } from '../session/role-paths';

const base = ROLE_BASE_PATH.clinic_admin;

export const ADMIN_PATHS = {
  profile: `${base}/profile`,
  staff: `${base}/staff`,
  audit: `${base}/audit`,
  outbox: `${base}/outbox`,
  switches: `${base}/switches`,
  incidents: `${base}/incidents`,
  breakGlass: `${base}/break-glass`,
  pharmacies: `${base}/pharmacies`,
  signingKeys: `${base}/signing-keys`,
  /** The recording player, for recordings opened under emergency access: `${replays}/:consultationId`. */
  replays: `${base}/replays`,
} as const;
