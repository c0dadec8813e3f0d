import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format/date-format';
import { clockTime, playLinkRest, positionValueText, spokenDuration, timelineSeconds } from './replay-text';

describe('a length of time said aloud', () => {
  it('spells out minutes and seconds, singular and plural', () => {
    expect(spokenDuration(62)).toBe('1 minute 2 seconds');
    expect(spokenDuration(250)).toBe('4 minutes 10 seconds');
    expect(spokenDuration(61)).toBe('1 minute 1 second');
  });

  it('leaves out a part that is zero, but never says nothing', () => {
    expect(spokenDuration(240)).toBe('4 minutes');
    expect(spokenDuration(3605)).toBe('1 hour 5 seconds');
    expect(spokenDuration(0)).toBe('0 seconds');
  });

  it('rounds to whole seconds and treats nonsense as nothing', () => {
    expect(spokenDuration(64.6)).toBe('1 minute 5 seconds');
    expect(spokenDuration(-3)).toBe('0 seconds');
    expect(spokenDuration(Number.NaN)).toBe('0 seconds');
  });
});

describe("the player's clock", () => {
  it('shows minutes and two-digit seconds, rounded down', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(62.9)).toBe('1:02');
    expect(clockTime(725)).toBe('12:05');
  });

  it('shows hours for long recordings', () => {
    expect(clockTime(3723)).toBe('1:02:03');
  });
});

describe("the position slider's spoken value", () => {
  it('says where it is out of how long', () => {
    expect(positionValueText(62, 250)).toBe('1 minute 2 seconds of 4 minutes 10 seconds');
    expect(positionValueText(0, 59)).toBe('0 seconds of 59 seconds');
  });

  it('has a time line of whole seconds', () => {
    expect(timelineSeconds(250.4)).toBe(250);
    expect(timelineSeconds(249.6)).toBe(250);
    expect(timelineSeconds(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("a recording's Play link", () => {
  it('names the recording by when and with whom', () => {
    const at = '2026-11-23T10:15:00Z';
    expect(`Play${playLinkRest(at, 'Dr Asha Patel')}`).toBe(`Play recording of ${formatDateTime(at)} with Dr Asha Patel`);
    expect(playLinkRest(at, 'Dr Asha Patel', () => '23 Nov 2026, 10:15')).toBe(' recording of 23 Nov 2026, 10:15 with Dr Asha Patel');
  });
});
