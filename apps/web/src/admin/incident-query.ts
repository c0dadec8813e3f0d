import { API } from '@confide/contract';

export const INCIDENT_FILTERS = ['open', 'closed', 'all'] as const;
export type IncidentFilter = (typeof INCIDENT_FILTERS)[number];

/** How often every admin page checks for open incidents, for the banner. */
export const OPEN_INCIDENTS_POLL_MS = 5_000;

export function incidentsPath(status: IncidentFilter): string {
  return `${API.adminIncidents}?${new URLSearchParams({ status }).toString()}`;
}

/** The Incidents page's filter, from its address (`?status=closed`); open ones unless it says otherwise. */
export function readIncidentFilter(params: URLSearchParams): IncidentFilter {
  const status = params.get('status');
  return INCIDENT_FILTERS.find((filter) => filter === status) ?? 'open';
}
