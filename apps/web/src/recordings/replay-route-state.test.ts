import { describe, expect, it } from 'vitest';
import { readReplayLinkState } from './replay-route-state';

describe("what a Play link tells the player", () => {
  it('keeps a back link to one of the reader’s own pages, with its state, and the clinician’s name', () => {
    const state = {
      back: { path: '/clinician/patients/p-1', label: 'Back to Ann Patient', state: { granted: 1 } },
      clinicianName: 'Dr Asha Patel',
    };
    expect(readReplayLinkState(state, '/clinician')).toEqual(state);
  });

  it('drops a back link that leads anywhere else', () => {
    expect(readReplayLinkState({ back: { path: '/admin/staff', label: 'Back' } }, '/clinician')).toEqual({});
    expect(readReplayLinkState({ back: { path: '//evil.example/clinician/', label: 'Back' } }, '/clinician')).toEqual({});
    expect(readReplayLinkState({ back: { path: '/clinician//evil.example', label: 'Back' } }, '/clinician')).toEqual({});
  });

  it('ignores state that is not its own', () => {
    expect(readReplayLinkState(null, '/patient')).toEqual({});
    expect(readReplayLinkState({ consultationEnded: true }, '/patient')).toEqual({});
    expect(readReplayLinkState({ back: 'nowhere' }, '/patient')).toEqual({});
  });
});
