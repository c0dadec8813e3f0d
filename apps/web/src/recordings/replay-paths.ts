import type { Role } from '@confide/domain';
import { ROLE_BASE_PATH } from '../session/role-paths';

/** Where a role's recording player lives: /patient/replays, /clinician/replays, /admin/replays. */
export function replayBasePath(role: Role): string {
  return `${ROLE_BASE_PATH[role]}/replays`;
}

/** One recording's player under `basePath`, e.g. /clinician/replays/:consultationId. */
export function replayPath(basePath: string, consultationId: string): string {
  return `${basePath}/${encodeURIComponent(consultationId)}`;
}
