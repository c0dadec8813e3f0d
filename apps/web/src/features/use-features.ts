import { useMemo } from 'react';
import { API, FEATURES, type Feature, type FeatureList } from '@confide/contract';
import { useLiveResource } from '../api/use-live-resource';

/** How often pages check whether an administrator has switched a service off. */
export const FEATURES_POLL_MS = 15_000;

/** Whether each service is on, as the page last heard. */
export type FeatureFlags = Record<Feature, boolean>;

/** Every service, on unless the list says it is off (so a service the server does not list yet counts as on). */
export function featureFlagsFrom(list: FeatureList | null): FeatureFlags {
  const flags = {} as FeatureFlags;
  for (const feature of FEATURES) {
    flags[feature] = list?.items.find((item) => item.feature === feature)?.enabled ?? true;
  }
  return flags;
}

/**
 * Which services are on, checked when the page opens and every 15 seconds, so a page can say a service is
 * switched off instead of offering it. It fails open: until the answer comes, or if it cannot be had, every
 * service counts as on, and the API itself still refuses what is off.
 */
export function useFeatures(): FeatureFlags {
  const { resource } = useLiveResource<FeatureList>(API.features, { pollMs: FEATURES_POLL_MS, pollAfterFailure: true });
  const list = resource.status === 'loaded' ? resource.data : null;
  return useMemo(() => featureFlagsFrom(list), [list]);
}
