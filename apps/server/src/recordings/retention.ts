import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { replayPlaybackRepository } from '../db/repositories/replay-playback.repository';
import { withoutPrincipal } from '../db/with-principal';
import type { BlobStore } from '../storage/blob-store';

const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily retention job: recordings kept longer than their appointment type's retention period are
 * crypto-shredded — each segment's data key destroyed (committed first), then its blob deleted — and audited.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly blobs: BlobStore,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One pass; returns how many segments were shredded. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await withoutPrincipal(this.db, async (tx) =>
        (await tx.query<{ id: string; consultation_id: string; patient_id: string; blob_key: string }>('SELECT * FROM recordings_past_retention($1)', [BATCH])).rows,
      );
      if (due.length === 0) return total;
      for (const segment of due) {
        const shredded = await withoutPrincipal(this.db, async (tx) => {
          // Composed replay tracks hold this segment's media too: shredded with it (they are composed again, from
          // what is left, if the recording is played).
          const tracks = await replayPlaybackRepository.shredTracks(tx, segment.consultation_id);
          const { rows } = await tx.query<{ done: boolean }>('SELECT recording_segment_shred($1) AS done', [segment.id]);
          if (!rows[0]?.done) return null;
          await recordAudit(tx, { ip: null, requestId: null }, [
            { action: 'deleted', resourceType: 'recording', resourceId: segment.consultation_id, patientId: segment.patient_id, detail: { segmentId: segment.id, reason: 'retention period ended', cryptoShredded: true } },
          ]);
          return tracks;
        });
        if (shredded) {
          for (const key of [segment.blob_key, ...shredded]) await this.blobs.delete(key);
          total += 1;
        }
      }
    }
  }

  start(): void {
    const tick = () => {
      this.runOnce()
        .then((n) => n > 0 && this.log.info({ shredded: n }, 'recording retention: segments crypto-shredded'))
        .catch((err: unknown) => this.log.error({ err: String(err) }, 'recording retention pass failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, DAY_MS);
        });
    };
    this.timer = setTimeout(tick, 60_000);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
