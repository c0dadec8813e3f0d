import type { Participant } from '@confide/contract';
import type { ConsultationOwner } from '../db/repositories/consultation.repository';
import { storeSegment, type SegmentSinkDeps } from './segment-sink';

const UNIQUE_VIOLATION = '23505';

/** A finished WebM segment as the media side hands it over (still in memory). */
export interface MediaSegment {
  readonly bytes: Buffer;
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
  readonly startedAt: Date;
  readonly endedAt: Date;
}

/**
 * One participant's recording within one consultation, whatever the media side does (audio, switching to video,
 * reconnecting): every segment is stored under the owner fixed when the participant joined, in order, one at a
 * time. Nothing here looks an owner up; a rejoin makes a new instance for the same owner, continuing the numbering.
 */
export class ParticipantRecording {
  private queue: Promise<void> = Promise.resolve();
  private seq: number | null = null;
  committed = 0;

  constructor(
    private readonly sink: SegmentSinkDeps,
    readonly owner: ConsultationOwner,
    readonly participant: Participant,
    /** The next free segment number in the database (a rejoin continues after the last committed one). */
    private readonly nextSeq: () => Promise<number>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Queues a finished segment for storage; segments are committed in the order they finished. */
  add(segment: MediaSegment): void {
    if (segment.bytes.length === 0) return;
    this.queue = this.queue.then(() => this.store(segment)).catch(this.onError);
  }

  private async store(segment: MediaSegment): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      this.seq ??= await this.nextSeq();
      try {
        await storeSegment(this.sink, this.owner, { ...segment, participant: this.participant, seq: this.seq });
        this.seq += 1;
        this.committed += 1;
        return;
      } catch (err) {
        // Another connection of the same participant (a rejoin) took this number: take the next free one.
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw err;
        this.seq = null;
      }
    }
  }

  /** Resolves when every segment handed over so far is stored (or has failed and been reported). */
  flushed(): Promise<void> {
    return this.queue;
  }
}
