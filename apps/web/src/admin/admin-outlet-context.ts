import { useOutletContext } from 'react-router';

/** What the admin layout gives every admin page. */
export interface AdminOutletContext {
  /** Checks for open incidents again now (after closing one), so the banner is up to date at once. */
  refreshOpenIncidents: () => void;
}

export function useAdminOutletContext(): AdminOutletContext {
  return useOutletContext<AdminOutletContext>();
}
