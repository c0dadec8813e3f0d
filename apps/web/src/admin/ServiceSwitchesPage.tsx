import { API, FEATURES, type Feature, type FeatureList, type FeatureState } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { FeatureSwitchCard } from './FeatureSwitchCard';

/** A service the API does not list has never been switched, so it is on (as everywhere else in the app). */
function stateOf(list: FeatureList, feature: Feature): FeatureState {
  return (
    list.items.find((item) => item.feature === feature) ?? { feature, enabled: true, changedAt: null, changedBy: null, reason: null }
  );
}

/** Kill switches: turn a service off for everyone at once, and on again, each change with its reason. */
export function ServiceSwitchesPage() {
  const { resource, reload, update } = useApiResource<FeatureList>(API.features);

  function changed(state: FeatureState) {
    update((list) => ({ items: [...list.items.filter((item) => item.feature !== state.feature), state] }));
  }

  return (
    <Page title="Service switches">
      <p>Turn a service off at once for everyone, on every server. People using it are told it is temporarily unavailable.</p>
      <AsyncContent resource={resource} loadingText="Loading services…" failureText="The services could not be loaded." onRetry={reload}>
        {(list) => (
          <ul className="card-list" aria-label="Services">
            {FEATURES.map((feature) => (
              <li key={feature}>
                <FeatureSwitchCard state={stateOf(list, feature)} onChanged={changed} />
              </li>
            ))}
          </ul>
        )}
      </AsyncContent>
    </Page>
  );
}
