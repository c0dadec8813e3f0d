import { describe, expect, it } from 'vitest';
import { linkDeadline, linkIsStale, MAX_LINK_MS, recoverFromMediaError, shouldRenewWhilePaused } from './replay-link';

const received = Date.parse('2026-11-23T10:00:00Z');

describe("when a media link runs out, by this device's clock", () => {
  it('is when the server says, if the clocks agree', () => {
    expect(linkDeadline('2026-11-23T10:05:00Z', received)).toBe(received + 5 * 60_000);
    expect(linkDeadline('2026-11-23T10:03:00Z', received)).toBe(received + 3 * 60_000);
  });

  it('is never more than five minutes after the link came (a slow clock here)', () => {
    expect(linkDeadline('2026-11-23T10:07:00Z', received)).toBe(received + MAX_LINK_MS);
  });

  it('assumes the full five minutes if the time is unreadable or already past (a fast clock here)', () => {
    expect(linkDeadline('not a time', received)).toBe(received + MAX_LINK_MS);
    expect(linkDeadline('2026-11-23T09:58:00Z', received)).toBe(received + MAX_LINK_MS);
  });
});

describe('renewing the link while paused', () => {
  const deadline = received + MAX_LINK_MS;

  it('renews about 30 seconds before it runs out', () => {
    expect(shouldRenewWhilePaused({ now: deadline - 31_000, deadline, playing: false, usedSinceLink: true })).toBe(false);
    expect(shouldRenewWhilePaused({ now: deadline - 30_000, deadline, playing: false, usedSinceLink: true })).toBe(true);
    expect(shouldRenewWhilePaused({ now: deadline + 60_000, deadline, playing: false, usedSinceLink: true })).toBe(true);
  });

  it('does not swap the links under a recording that is playing', () => {
    expect(shouldRenewWhilePaused({ now: deadline - 10_000, deadline, playing: true, usedSinceLink: true })).toBe(false);
  });

  it('leaves a player nobody has touched since the link came, to renew when next used', () => {
    expect(shouldRenewWhilePaused({ now: deadline - 10_000, deadline, playing: false, usedSinceLink: false })).toBe(false);
  });

  it('counts a link about to run out as stale before playing or seeking', () => {
    expect(linkIsStale(deadline - 6_000, deadline)).toBe(false);
    expect(linkIsStale(deadline - 5_000, deadline)).toBe(true);
  });
});

describe('after a media element fails', () => {
  it('renews a link that has been in use a while', () => {
    expect(recoverFromMediaError({ now: received + 200_000, linkReceivedAt: received, quickRetries: 1 })).toEqual({ action: 'renew', quickRetries: 0 });
  });

  it('tries a fresh link once more if it fails at once, then gives up', () => {
    expect(recoverFromMediaError({ now: received + 1_000, linkReceivedAt: received, quickRetries: 0 })).toEqual({ action: 'renew', quickRetries: 1 });
    expect(recoverFromMediaError({ now: received + 1_000, linkReceivedAt: received, quickRetries: 1 })).toEqual({ action: 'give-up' });
  });
});
