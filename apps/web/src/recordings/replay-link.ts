/**
 * When to ask for a fresh media link. A playback's media links work only until `linkExpiresAt` (at most
 * 5 minutes); renewing one (POST with the viewing's id) keeps the same viewing, and the old link stops at once,
 * so a link is renewed only while paused, just before something needs it, or after it has failed.
 */

/** The longest a media link lasts. */
export const MAX_LINK_MS = 5 * 60_000;
/** While paused, renew this long before the link runs out, so a seek or Play works at once. */
export const RENEW_BEFORE_MS = 30_000;
/** A link this close to running out is not worth starting to play with. */
export const STALE_WITHIN_MS = 5_000;
/** A fresh link that fails this soon is probably not failing because it expired. */
export const QUICK_FAILURE_MS = 15_000;

/**
 * When a link stops working, by this device's clock. The server says when, by its clock; the two may disagree,
 * so the answer is never later than the longest a link lasts from when it came.
 */
export function linkDeadline(linkExpiresAt: string, receivedAt: number): number {
  const stated = Date.parse(linkExpiresAt);
  const latest = receivedAt + MAX_LINK_MS;
  if (Number.isNaN(stated) || stated <= receivedAt) return latest;
  return Math.min(stated, latest);
}

export interface PausedRenewal {
  now: number;
  deadline: number;
  playing: boolean;
  /**
   * The viewer has played, paused or moved the position since the link came. A player left alone is not
   * renewed for ever (it would keep the session alive); it renews when next used instead.
   */
  usedSinceLink: boolean;
}

/** Whether to renew the link now, quietly, because the player is paused and the link runs out soon. */
export function shouldRenewWhilePaused({ now, deadline, playing, usedSinceLink }: PausedRenewal): boolean {
  return !playing && usedSinceLink && now >= deadline - RENEW_BEFORE_MS;
}

/** Whether the link has run out, or nearly, so playing or seeking should get a fresh one first. */
export function linkIsStale(now: number, deadline: number): boolean {
  return now >= deadline - STALE_WITHIN_MS;
}

export type MediaErrorRecovery = { action: 'renew'; quickRetries: number } | { action: 'give-up' };

/**
 * What to do when a media element fails (its link expired, say, and a request for more got 404): get a fresh
 * link and carry on. But if a link fails soon after it came, twice running, a fresh one will not help.
 */
export function recoverFromMediaError({ now, linkReceivedAt, quickRetries }: { now: number; linkReceivedAt: number; quickRetries: number }): MediaErrorRecovery {
  if (now - linkReceivedAt >= QUICK_FAILURE_MS) return { action: 'renew', quickRetries: 0 };
  if (quickRetries < 1) return { action: 'renew', quickRetries: quickRetries + 1 };
  return { action: 'give-up' };
}
