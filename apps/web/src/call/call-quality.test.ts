import { describe, expect, it } from 'vitest';
import { qualityOf, sampleOf, type StatsSample } from './call-quality';

function report(stats: Record<string, unknown>[]): RTCStatsReport {
  return new Map(stats.map((s) => [s.id as string, s])) as unknown as RTCStatsReport;
}

const sample = (roundTripSeconds: number | null, packetsLost: number, packetsReceived: number): StatsSample => ({ roundTripSeconds, packetsLost, packetsReceived });

describe('call quality from WebRTC statistics', () => {
  it('reads the selected candidate pair’s round trip and adds up incoming packets across audio and video', () => {
    const s = sampleOf(
      report([
        { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP2' },
        { id: 'CP1', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.9 },
        { id: 'CP2', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.05 },
        { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsLost: 3, packetsReceived: 97 },
        { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsLost: -1, packetsReceived: 400 },
        { id: 'OA', type: 'outbound-rtp', kind: 'audio', packetsSent: 1000 },
      ]),
    );
    expect(s).toEqual({ roundTripSeconds: 0.05, packetsLost: 3, packetsReceived: 497 });
  });

  it('falls back to a nominated, succeeded pair when no transport names one', () => {
    const s = sampleOf(report([{ id: 'CP1', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.2 }]));
    expect(s).toEqual({ roundTripSeconds: 0.2, packetsLost: 0, packetsReceived: 0 });
  });

  it('grades by round trip and by loss since the last look', () => {
    expect(qualityOf(sample(0.04, 0, 500), null)).toBe('good');
    expect(qualityOf(sample(0.5, 0, 500), null)).toBe('fair');
    expect(qualityOf(sample(1.2, 0, 500), null)).toBe('poor');
    // 5% lost since the last sample.
    expect(qualityOf(sample(0.04, 25, 975), sample(0.04, 20, 880))).toBe('fair');
    // 20% lost since the last sample, though little overall.
    expect(qualityOf(sample(0.04, 40, 10_080), sample(0.04, 20, 10_000))).toBe('poor');
    // An old burst of loss no longer counts.
    expect(qualityOf(sample(0.04, 300, 2_000), sample(0.04, 300, 1_000))).toBe('good');
  });

  it('says nothing until there is something to judge', () => {
    expect(qualityOf(sample(null, 0, 0), null)).toBeNull();
    expect(qualityOf(sample(null, 10, 500), sample(null, 10, 500))).toBeNull();
  });
});
