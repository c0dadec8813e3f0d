import type { Feature, FeatureState } from '@confide/contract';
import { FEATURES } from '@confide/contract';
import type { FastifyBaseLogger } from 'fastify';
import type { Databases } from '../db/database';
import { withoutPrincipal } from '../db/with-principal';
import { ProblemError } from '../errors/problem-error';

const NAMES: Record<Feature, string> = {
  replays: 'Consultation Replays',
  recording: 'Call recording',
  booking: 'Booking',
  chat: 'In-call chat',
  prescribing: 'Prescribing',
};

export const featureOff = (feature: Feature) =>
  new ProblemError(503, `${NAMES[feature]} is temporarily unavailable`, {
    code: 'feature_off',
    detail: `${NAMES[feature]} is temporarily unavailable. Please try again later.`,
  });

/**
 * The kill switches as this server last saw them. Every server polls the table (default every second), so a
 * switch a clinic admin turns off takes effect everywhere within seconds, with no restart. Listeners (e.g. the
 * recorder, media streams in flight) are told of every change.
 */
export class FeatureSwitches {
  private state = new Map<Feature, boolean>(FEATURES.map((f) => [f, true]));
  private timer: NodeJS.Timeout | undefined;
  /** Counts this server's own writes, so a poll that read the table before one of them cannot undo it. */
  private localWrites = 0;
  private readonly listeners = new Set<(feature: Feature, enabled: boolean) => void>();

  constructor(
    private readonly dbs: Databases,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  isOn(feature: Feature): boolean {
    return this.state.get(feature) ?? true;
  }

  /** Throws the 503 problem a user sees when the feature is off. */
  require(feature: Feature): void {
    if (!this.isOn(feature)) throw featureOff(feature);
  }

  onChange(listener: (feature: Feature, enabled: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies a state this server has just written (and committed). */
  applyWritten(states: readonly Pick<FeatureState, 'feature' | 'enabled'>[]): void {
    this.localWrites += 1;
    this.apply(states);
  }

  private apply(states: readonly Pick<FeatureState, 'feature' | 'enabled'>[]): void {
    for (const { feature, enabled } of states) {
      if (this.state.get(feature) === enabled) continue;
      this.state.set(feature, enabled);
      this.log.warn({ feature, enabled }, 'feature switch changed');
      for (const listener of this.listeners) listener(feature, enabled);
    }
  }

  /**
   * Reads the table and applies it. A read that overlapped a write made through this server is dropped: it may
   * predate the write, and applying it would switch the feature back until the next poll. The next poll reads again.
   */
  async refresh(): Promise<void> {
    const writesBefore = this.localWrites;
    const rows = await withoutPrincipal(this.dbs.app, async (tx) =>
      (await tx.query<{ feature: Feature; enabled: boolean }>('SELECT feature, enabled FROM feature_switch_state()')).rows,
    );
    if (this.localWrites === writesBefore) this.apply(rows);
  }

  start(): void {
    const tick = () => {
      this.refresh()
        .catch((err: unknown) => this.log.warn({ err: String(err) }, 'feature switch poll failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
