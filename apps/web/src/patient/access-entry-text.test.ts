import { describe, expect, it } from 'vitest';
import { accessActionLabel, accessDescription, amountPlayed } from './access-entry-text';

const recording = { startedAt: '2026-11-23T10:15:00Z', clinicianName: 'Dr Asha Patel', secondsPlayed: null, ofSeconds: null };

describe('an access history entry about a recording', () => {
  it('says which recording was played, and about how much of it', () => {
    const played = { action: 'viewed', resourceType: 'recording', description: 'played your consultation recording' } as const;
    expect(accessDescription({ ...played, recording: { ...recording, secondsPlayed: 65, ofSeconds: 250 } }, 'UTC')).toBe(
      'played your consultation recording of 23 November 2026, 10:15 with Dr Asha Patel — about 1 minute 5 seconds of 4 minutes 10 seconds',
    );
    expect(accessActionLabel(played)).toBe('Played your consultation recording');
  });

  it('says which recording was seen in a list, with nothing about playing', () => {
    const listed = { action: 'presented', resourceType: 'recording', description: 'saw in a list your consultation recording', recording } as const;
    expect(accessDescription(listed, 'UTC')).toBe('saw in a list your consultation recording of 23 November 2026, 10:15 with Dr Asha Patel');
    expect(accessActionLabel(listed)).toBe('Saw your recording in a list');
  });

  it('says which consultation, for an entry about one', () => {
    const opened = { action: 'viewed', resourceType: 'consultation', description: 'opened your consultation', recording } as const;
    expect(accessDescription(opened, 'Europe/London')).toBe('opened your consultation on 23 November 2026, 10:15 with Dr Asha Patel');
    expect(accessActionLabel(opened)).toBe('Looked at your details');
  });

  it('leaves other entries as the server describes them', () => {
    const entry = { action: 'updated', resourceType: 'patient', description: 'changed your personal details', recording: null } as const;
    expect(accessDescription(entry)).toBe('changed your personal details');
    expect(accessActionLabel(entry)).toBe('Changed your details');
  });
});

describe('how much of a recording was played', () => {
  it('is nothing to say for an entry that is not a playback', () => {
    expect(amountPlayed(null, 250)).toBeNull();
  });

  it('never says more than the whole, nor "about 0 seconds"', () => {
    expect(amountPlayed(260, 250)).toBe('about 4 minutes 10 seconds of 4 minutes 10 seconds');
    expect(amountPlayed(0, 250)).toBe('less than a second of 4 minutes 10 seconds');
  });

  it('gives just the amount if the length is not known', () => {
    expect(amountPlayed(30, null)).toBe('about 30 seconds');
  });
});
