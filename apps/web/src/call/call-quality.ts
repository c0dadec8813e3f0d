/**
 * How good the call's connection is, from the peer connection's statistics: the round-trip time of the
 * candidate pair in use and the share of incoming packets lost since the last look. No React here.
 */

export type CallQuality = 'good' | 'fair' | 'poor';

export const QUALITY_LABELS: Record<CallQuality, string> = {
  good: 'Connection: Good',
  fair: 'Connection: Fair',
  poor: 'Connection: Poor',
};

/** What one look at the statistics found. Packet counts are totals since the connection started. */
export interface StatsSample {
  /** Seconds; null until the first round trip has been measured. */
  roundTripSeconds: number | null;
  packetsLost: number;
  packetsReceived: number;
}

/** Limits for each level: at or under both is that level. */
const GOOD = { roundTripSeconds: 0.3, loss: 0.02 };
const FAIR = { roundTripSeconds: 0.7, loss: 0.08 };

function selectedPair(report: RTCStatsReport): RTCIceCandidatePairStats | null {
  let selectedId: string | undefined;
  let nominated: RTCIceCandidatePairStats | null = null;
  report.forEach((stat: RTCStats) => {
    if (stat.type === 'transport') selectedId ??= (stat as RTCTransportStats).selectedCandidatePairId;
    if (stat.type === 'candidate-pair') {
      const pair = stat as RTCIceCandidatePairStats;
      if (pair.nominated && pair.state === 'succeeded') nominated ??= pair;
    }
  });
  const selected = selectedId ? (report.get(selectedId) as RTCIceCandidatePairStats | undefined) : undefined;
  return selected ?? nominated;
}

/** Reads the round-trip time and the incoming packet totals (audio and video together) from a stats report. */
export function sampleOf(report: RTCStatsReport): StatsSample {
  const pair = selectedPair(report);
  let packetsLost = 0;
  let packetsReceived = 0;
  report.forEach((stat: RTCStats) => {
    if (stat.type !== 'inbound-rtp') return;
    const inbound = stat as RTCInboundRtpStreamStats;
    // packetsLost can go below zero when duplicates arrive; count those as nothing lost.
    packetsLost += Math.max(0, inbound.packetsLost ?? 0);
    packetsReceived += inbound.packetsReceived ?? 0;
  });
  return { roundTripSeconds: pair?.currentRoundTripTime ?? null, packetsLost, packetsReceived };
}

/**
 * The quality now, from this sample and the one before (loss is measured between the two, so an old burst of
 * loss does not count for ever). Null when there is nothing to judge yet.
 */
export function qualityOf(current: StatsSample, previous: StatsSample | null): CallQuality | null {
  const lost = current.packetsLost - (previous?.packetsLost ?? 0);
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const expected = lost + received;
  const loss = expected > 0 ? Math.max(0, lost) / expected : null;
  const rtt = current.roundTripSeconds;
  if (rtt === null && loss === null) return null;
  const within = (limit: typeof GOOD) => (rtt === null || rtt <= limit.roundTripSeconds) && (loss === null || loss <= limit.loss);
  if (within(GOOD)) return 'good';
  if (within(FAIR)) return 'fair';
  return 'poor';
}

/** Looks at the connection's statistics now and then every `intervalMs`; returns a function that stops. */
export function watchQuality(pc: RTCPeerConnection, onQuality: (quality: CallQuality) => void, intervalMs = 2_000): () => void {
  let previous: StatsSample | null = null;
  let stopped = false;
  async function look() {
    try {
      const sample = sampleOf(await pc.getStats());
      if (stopped) return;
      const quality = qualityOf(sample, previous);
      previous = sample;
      if (quality) onQuality(quality);
    } catch {
      // Closed meanwhile: nothing to report.
    }
  }
  void look();
  const timer = setInterval(() => void look(), intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
