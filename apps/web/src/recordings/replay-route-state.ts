import { z } from 'zod';

/** Where the player's back link goes: the page the recording was opened from, with that page's own state. */
export interface ReplayBack {
  path: string;
  label: string;
  /** The router state to give that page back, e.g. the emergency access granted there. */
  state?: unknown;
}

/** What a Play link tells the player in the router's location state. */
export interface ReplayLinkState {
  back?: ReplayBack;
  /** As the list showed it, for a recording that has no track of the clinician's to name them. */
  clinicianName?: string;
}

const ReplayLinkStateSchema = z.object({
  back: z.object({ path: z.string(), label: z.string().min(1).max(200), state: z.unknown().optional() }).optional(),
  clinicianName: z.string().max(200).optional(),
});

/**
 * The state a Play link left, if any. A back link is kept only if it stays among the reader's own pages (under
 * `basePath`, e.g. "/clinician"), so state from anywhere else cannot send them off the site.
 */
export function readReplayLinkState(state: unknown, basePath: string): ReplayLinkState {
  const parsed = ReplayLinkStateSchema.safeParse(state);
  if (!parsed.success) return {};
  const { back, clinicianName } = parsed.data;
  const ownPage = back !== undefined && back.path.startsWith(`${basePath}/`) && !back.path.includes('//');
  return { ...(ownPage ? { back } : {}), ...(clinicianName ? { clinicianName } : {}) };
}
