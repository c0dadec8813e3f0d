import { useMemo } from 'react';
import { Outlet } from 'react-router';
import type { IncidentList } from '@confide/contract';
import { useLiveResource } from '../api/use-live-resource';
import type { AdminOutletContext } from './admin-outlet-context';
import { incidentsPath, OPEN_INCIDENTS_POLL_MS } from './incident-query';
import { OpenIncidentsBanner } from './OpenIncidentsBanner';

/** Around every admin page: the open incidents banner, checked every 5 seconds, then the page. */
export function AdminLayout() {
  const { resource, refresh } = useLiveResource<IncidentList>(incidentsPath('open'), {
    pollMs: OPEN_INCIDENTS_POLL_MS,
    pollAfterFailure: true,
  });
  const context = useMemo<AdminOutletContext>(() => ({ refreshOpenIncidents: () => void refresh() }), [refresh]);
  const count = resource.status === 'loaded' ? resource.data.items.length : 0;

  return (
    <>
      <OpenIncidentsBanner count={count} />
      <Outlet context={context} />
    </>
  );
}
