import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The replay media streams this server is sending now, so that switching Consultation Replays off (or shutting
 * down) ends them at once, not at their next read.
 */
export class MediaStreams {
  private readonly open = new Set<Readable>();

  constructor(readonly log: FastifyBaseLogger) {}

  track(stream: Readable): void {
    this.open.add(stream);
    stream.once('close', () => this.open.delete(stream));
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream in flight; their connections are closed mid-response. */
  closeAll(reason: string): void {
    if (this.open.size > 0) this.log.warn({ streams: this.open.size, reason }, 'replay media streams stopped');
    for (const stream of this.open) stream.destroy(new Error(reason));
    this.open.clear();
  }
}
