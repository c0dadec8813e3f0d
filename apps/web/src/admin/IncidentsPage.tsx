import { useSearchParams } from 'react-router';
import type { Incident, IncidentList } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { RadioGroup } from '../components/RadioGroup';
import { useAdminOutletContext } from './admin-outlet-context';
import { IncidentCard } from './IncidentCard';
import { incidentsPath, readIncidentFilter, type IncidentFilter } from './incident-query';

const FILTER_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
] as const;

const NONE: Record<IncidentFilter, string> = {
  open: 'There are no open incidents.',
  closed: 'There are no closed incidents.',
  all: 'There are no incidents.',
};

/** Answers Confide blocked because they would have shown one patient's records to someone else: check and close them. */
export function IncidentsPage() {
  const [params, setParams] = useSearchParams();
  const filter = readIncidentFilter(params);
  const { resource, reload, update } = useApiResource<IncidentList>(incidentsPath(filter));
  const { refreshOpenIncidents } = useAdminOutletContext();

  function showOnly(next: IncidentFilter) {
    setParams(next === 'open' ? {} : { status: next }, { replace: true });
  }

  // It stays in the list, now closed, until the list is loaded again.
  function closed(incident: Incident) {
    update((list) => ({ items: list.items.map((item) => (item.id === incident.id ? incident : item)) }));
    refreshOpenIncidents();
  }

  return (
    <Page title="Incidents">
      <p>
        Confide checks every answer before it leaves the server. If an answer would have included the records of a
        patient the person asking may not see, it is blocked and an incident is opened here. Check who it was and why,
        then close the incident saying what you found.
      </p>
      <RadioGroup id="show" legend="Show" value={filter} onChange={showOnly} options={FILTER_OPTIONS} />
      <AsyncContent resource={resource} loadingText="Loading incidents…" failureText="The incidents could not be loaded." onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p role="status">{NONE[filter]}</p>
          ) : (
            <ul className="card-list" aria-label="Incidents">
              {items.map((incident) => (
                <li key={incident.id}>
                  <IncidentCard incident={incident} onClosed={closed} />
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </Page>
  );
}
