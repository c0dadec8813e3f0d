import type { ConsultationOwner } from '../db/repositories/consultation.repository';
import type { BlobStore } from '../storage/blob-store';
import type { KeyProvider } from './key-provider';
import { decryptRange, encryptSegment, HEADER_BYTES, newDataKey, type SegmentIdentity } from './segment-cipher';

/**
 * Media kept at rest — a recording segment, or a participant's composed replay track — sealed under its own data
 * key, bound to its owner and its id: only ciphertext reaches the blob store, and the key is kept only wrapped.
 */
export interface SealedStoreDeps {
  readonly blobs: BlobStore;
  readonly keys: KeyProvider;
}

/** The associated context a data key is wrapped under: the same owners the chunks are bound to. */
export const keyContext = (owner: ConsultationOwner, id: string) => `${owner.consultationId}|${owner.patientId}|${id}`;

const identity = (owner: ConsultationOwner, id: string): SegmentIdentity => ({ consultationId: owner.consultationId, patientId: owner.patientId, segmentId: id });

export interface SealedBlob {
  readonly blobKey: string;
  readonly wrappedKey: string;
  readonly kekId: string;
  readonly storedBytes: number;
}

/** Encrypts `plain` in memory under a fresh data key and stores the ciphertext as `blobKey`. */
export async function sealAndStore(deps: SealedStoreDeps, owner: ConsultationOwner, id: string, blobKey: string, plain: Buffer): Promise<SealedBlob> {
  const key = newDataKey();
  try {
    const sealed = encryptSegment(key, identity(owner, id), plain);
    const writer = await deps.blobs.create(blobKey);
    try {
      await writer.append(sealed);
      await writer.commit();
    } catch (err) {
      await writer.abort();
      throw err;
    }
    return { blobKey: writer.key, wrappedKey: await deps.keys.wrap(key, keyContext(owner, id)), kekId: deps.keys.keyId, storedBytes: sealed.length };
  } finally {
    key.fill(0);
  }
}

/** A stored item opened for reading: plaintext ranges decrypted on demand. `close()` wipes the data key. */
export interface SealedReader {
  read(start: number, end: number): Promise<Buffer>;
  close(): void;
}

/** Opens stored media for its owner; reads throw if the blob, key or owner do not match. */
export async function openSealed(deps: SealedStoreDeps, owner: ConsultationOwner, ref: { id: string; blobKey: string; wrappedKey: string }): Promise<SealedReader> {
  const key = await deps.keys.unwrap(ref.wrappedKey, keyContext(owner, ref.id));
  let size: number | null;
  let header: Buffer;
  try {
    size = await deps.blobs.size(ref.blobKey);
    if (size === null) throw new Error('recording blob missing');
    // The header is read once per opening, not once per range.
    header = await deps.blobs.read(ref.blobKey, 0, HEADER_BYTES);
  } catch (err) {
    key.fill(0);
    throw err;
  }
  const stored = size;
  const read = (offset: number, length: number) =>
    offset === 0 && length === HEADER_BYTES ? Promise.resolve(header) : deps.blobs.read(ref.blobKey, offset, length);
  return {
    read: (start, end) => decryptRange(key, identity(owner, ref.id), read, stored, start, end),
    close: () => key.fill(0),
  };
}

/** Decrypts a whole stored item. */
export async function loadSealed(deps: SealedStoreDeps, owner: ConsultationOwner, ref: { id: string; blobKey: string; wrappedKey: string }): Promise<Buffer> {
  const reader = await openSealed(deps, owner, ref);
  try {
    return await reader.read(0, Number.MAX_SAFE_INTEGER);
  } finally {
    reader.close();
  }
}
