import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import { outboxRepository } from '../db/repositories/outbox.repository';
import { withoutPrincipal } from '../db/with-principal';
import type { Transports } from './transports';

const BATCH = 20;
const LEASE_SECONDS = 120;

/**
 * Sends what the outbox holds once it is due. Claims a batch under a lease (so several app instances can run
 * workers side by side, and a crashed one's claim lapses), sends each, and records sent or failed (retried later).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    private readonly transports: Transports,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One pass over what is due now; returns how many were sent. */
  async processDue(): Promise<number> {
    const claimed = await withoutPrincipal(this.db, (tx) => outboxRepository.claimDue(tx, BATCH, LEASE_SECONDS));
    let sent = 0;
    for (const m of claimed) {
      try {
        await this.transports[m.channel].send(m);
        await withoutPrincipal(this.db, (tx) => outboxRepository.markSent(tx, m.id));
        sent += 1;
      } catch (err) {
        const reason = err instanceof Error ? err.message : 'unknown error';
        this.log.warn({ outboxId: m.id, channel: m.channel, attempt: m.attempts, reason }, 'message not delivered; will retry');
        await withoutPrincipal(this.db, (tx) => outboxRepository.markFailed(tx, m.id, reason));
      }
    }
    return sent;
  }

  start(pollSeconds: number): void {
    const tick = async () => {
      this.running = this.processDue().catch((err: unknown) => {
        this.log.error({ err }, 'outbox worker pass failed');
        return 0;
      });
      await this.running;
      this.running = null;
      if (this.timer) this.timer = setTimeout(() => void tick(), pollSeconds * 1000);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  /** Stops polling and waits for a pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
