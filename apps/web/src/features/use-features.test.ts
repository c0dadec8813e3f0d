import { describe, expect, it } from 'vitest';
import { featureFlagsFrom } from './use-features';

describe('which services count as on', () => {
  it('fails open: with no answer, every service is on', () => {
    expect(featureFlagsFrom(null)).toEqual({ replays: true, recording: true, booking: true, chat: true, prescribing: true });
  });

  it('takes what the server says, and counts a service it does not list as on', () => {
    const flags = featureFlagsFrom({
      items: [{ feature: 'booking', enabled: false, changedAt: '2026-11-23T14:05:00Z', changedBy: 'Ann Admin', reason: 'Outage' }],
    });
    expect(flags.booking).toBe(false);
    expect(flags.chat).toBe(true);
  });
});
