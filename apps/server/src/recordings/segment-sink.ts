import { randomUUID } from 'node:crypto';
import type { Participant } from '@confide/contract';
import type { ConsultationOwner, SegmentRow } from '../db/repositories/consultation.repository';
import type { BlobStore } from '../storage/blob-store';
import type { KeyProvider } from './key-provider';
import { decryptRange, encryptSegment, newDataKey } from './segment-cipher';

/** The associated context a segment's data key is wrapped under: the same owners the chunks are bound to. */
export const keyContext = (owner: ConsultationOwner, segmentId: string) => `${owner.consultationId}|${owner.patientId}|${segmentId}`;

export interface SegmentSinkDeps {
  readonly blobs: BlobStore;
  readonly keys: KeyProvider;
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
  const key = newDataKey();
  try {
    const sealed = encryptSegment(key, { consultationId: owner.consultationId, patientId: owner.patientId, segmentId: id }, segment.bytes);
    const writer = await deps.blobs.create(`seg-${id}`);
    try {
      await writer.append(sealed);
      await writer.commit();
    } catch (err) {
      await writer.abort();
      throw err;
    }
    const row: SegmentRow = {
      id, participant: segment.participant, seq: segment.seq, hasAudio: segment.hasAudio, hasVideo: segment.hasVideo,
      startedAt: segment.startedAt, endedAt: segment.endedAt, blobKey: writer.key, wrappedKey: await deps.keys.wrap(key, keyContext(owner, id)),
      kekId: deps.keys.keyId, plaintextBytes: segment.bytes.length, storedBytes: sealed.length,
    };
    try {
      await deps.commit(row);
    } catch (err) {
      await deps.blobs.delete(writer.key);
      throw err;
    }
    return row;
  } finally {
    key.fill(0);
  }
}

/** Decrypts a stored segment for its owner; throws if the blob, key or owner do not match. */
export async function loadSegment(deps: Omit<SegmentSinkDeps, 'commit'>, owner: ConsultationOwner, row: { id: string; blobKey: string; wrappedKey: string }): Promise<Buffer> {
  const key = await deps.keys.unwrap(row.wrappedKey, keyContext(owner, row.id));
  try {
    const size = await deps.blobs.size(row.blobKey);
    if (size === null) throw new Error('recording segment blob missing');
    return await decryptRange(key, { consultationId: owner.consultationId, patientId: owner.patientId, segmentId: row.id }, (o, l) => deps.blobs.read(row.blobKey, o, l), size, 0, Number.MAX_SAFE_INTEGER);
  } finally {
    key.fill(0);
  }
}
