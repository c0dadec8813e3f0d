import { randomUUID } from 'node:crypto';
import type { Participant } from '@confide/contract';
import type { ConsultationOwner, SegmentRow } from '../db/repositories/consultation.repository';
import { loadSealed, sealAndStore, type SealedStoreDeps } from './sealed-blob';

export interface SegmentSinkDeps extends SealedStoreDeps {
  /** Records the finished segment in the database (as the participant, under row-level security). */
  readonly commit: (segment: SegmentRow) => Promise<void>;
}

/** A finished piece of one participant's media, still in memory: a complete WebM file. */
export interface FinishedSegment {
  readonly participant: Participant;
  readonly seq: number;
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly bytes: Buffer;
}

/**
 * Stores a segment: a fresh data key, the bytes encrypted in memory (bound to the owner given when the participant
 * joined), only ciphertext written to the blob store, then the row committed with the wrapped key. If the commit
 * fails the blob is deleted, so no stored media is ever without its consultation.
 */
export async function storeSegment(deps: SegmentSinkDeps, owner: ConsultationOwner, segment: FinishedSegment): Promise<SegmentRow> {
  const id = randomUUID();
  const sealed = await sealAndStore(deps, owner, id, `seg-${id}`, segment.bytes);
  const row: SegmentRow = {
    id, participant: segment.participant, seq: segment.seq, hasAudio: segment.hasAudio, hasVideo: segment.hasVideo,
    startedAt: segment.startedAt, endedAt: segment.endedAt, blobKey: sealed.blobKey, wrappedKey: sealed.wrappedKey,
    kekId: sealed.kekId, plaintextBytes: segment.bytes.length, storedBytes: sealed.storedBytes,
  };
  try {
    await deps.commit(row);
  } catch (err) {
    await deps.blobs.delete(sealed.blobKey);
    throw err;
  }
  return row;
}

/** Decrypts a stored segment for its owner; throws if the blob, key or owner do not match. */
export const loadSegment = (deps: SealedStoreDeps, owner: ConsultationOwner, row: { id: string; blobKey: string; wrappedKey: string }): Promise<Buffer> =>
  loadSealed(deps, owner, row);
