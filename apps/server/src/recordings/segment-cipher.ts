import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encryption of one recording segment at rest: AES-256-GCM in fixed-size chunks (so a byte range can be read and
 * decrypted without the rest: HTTP Range for replays), each chunk authenticated with the segment's identity —
 * consultation, patient, segment — its index, and whether it is the last one (a truncated blob fails).
 *
 *   header  = "CFR1" | plaintext chunk size (u32 BE) | nonce prefix (8 random bytes)
 *   chunk i = AES-256-GCM(key, nonce = prefix | i (u32 BE), aad)(plaintext) | tag (16 bytes)
 */
const MAGIC = Buffer.from('CFR1');
export const HEADER_BYTES = 16;
const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;

/** Who a segment belongs to: bound into every chunk, so ciphertext moved to another consultation will not decrypt. */
export interface SegmentIdentity {
  readonly consultationId: string;
  readonly patientId: string;
  readonly segmentId: string;
}

export const newDataKey = (): Buffer => randomBytes(32);

function aad(id: SegmentIdentity, index: number, final: boolean): Buffer {
  return Buffer.from(`confide-recording-v1|${id.consultationId}|${id.patientId}|${id.segmentId}|${index}|${final ? 1 : 0}`);
}

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

/** Encrypts a segment as it is produced: plaintext in, ciphertext out, never plaintext buffered beyond one chunk. */
export class SegmentEncryptor {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private readonly prefix = randomBytes(8);
  private headerSent = false;
  private finished = false;
  plaintextBytes = 0;

  constructor(
    private readonly key: Buffer,
    private readonly id: SegmentIdentity,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {}

  private header(): Buffer[] {
    if (this.headerSent) return [];
    this.headerSent = true;
    const h = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(h, 0);
    h.writeUInt32BE(this.chunkBytes, 4);
    this.prefix.copy(h, 8);
    return [h];
  }

  private seal(plain: Buffer, final: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.index));
    cipher.setAAD(aad(this.id, this.index, final));
    this.index += 1;
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  /** Ciphertext ready to store for this plaintext (possibly empty until a whole chunk has arrived). */
  update(plain: Buffer): Buffer {
    if (this.finished) throw new Error('segment already finished');
    this.plaintextBytes += plain.length;
    this.pending.push(plain);
    this.pendingBytes += plain.length;
    const out = this.header();
    if (this.pendingBytes <= this.chunkBytes) return Buffer.concat(out);
    let all = Buffer.concat(this.pending);
    // Keep at least one byte back: the last chunk must be sealed as final.
    while (all.length > this.chunkBytes) {
      out.push(this.seal(all.subarray(0, this.chunkBytes), false));
      all = all.subarray(this.chunkBytes);
    }
    this.pending = [all];
    this.pendingBytes = all.length;
    return Buffer.concat(out);
  }

  /** The last chunk, sealed as final. */
  final(): Buffer {
    if (this.finished) throw new Error('segment already finished');
    this.finished = true;
    return Buffer.concat([...this.header(), this.seal(Buffer.concat(this.pending), true)]);
  }
}

export function encryptSegment(key: Buffer, id: SegmentIdentity, plain: Buffer, chunkBytes = DEFAULT_CHUNK_BYTES): Buffer {
  const e = new SegmentEncryptor(key, id, chunkBytes);
  return Buffer.concat([e.update(plain), e.final()]);
}

/** Where a segment's plaintext bytes lie in its ciphertext, from the stored size alone. */
export interface SegmentLayout {
  readonly chunkBytes: number;
  readonly chunks: number;
  readonly plaintextBytes: number;
}

export function segmentLayout(header: Buffer, storedBytes: number): SegmentLayout {
  if (header.length < HEADER_BYTES || !header.subarray(0, 4).equals(MAGIC)) throw new Error('not an encrypted recording segment');
  const chunkBytes = header.readUInt32BE(4);
  const body = storedBytes - HEADER_BYTES;
  const sealedChunk = chunkBytes + TAG_BYTES;
  const chunks = Math.ceil(body / sealedChunk);
  const lastSealed = body - (chunks - 1) * sealedChunk;
  if (chunks < 1 || lastSealed < TAG_BYTES) throw new Error('truncated recording segment');
  return { chunkBytes, chunks, plaintextBytes: (chunks - 1) * chunkBytes + (lastSealed - TAG_BYTES) };
}

/** Reads `length` stored bytes at `offset` (a blob store's ranged read). */
export type ReadStored = (offset: number, length: number) => Promise<Buffer>;

/**
 * Decrypts plaintext bytes [start, end) of a segment, reading only the chunks that hold them. Any tampering, a
 * wrong key, or another segment's identity makes it throw: nothing unauthenticated is ever returned.
 */
export async function decryptRange(key: Buffer, id: SegmentIdentity, read: ReadStored, storedBytes: number, start: number, end: number): Promise<Buffer> {
  const header = await read(0, HEADER_BYTES);
  const layout = segmentLayout(header, storedBytes);
  const prefix = header.subarray(8, 16);
  const to = Math.min(end, layout.plaintextBytes);
  if (start >= to) return Buffer.alloc(0);
  const first = Math.floor(start / layout.chunkBytes);
  const last = Math.floor((to - 1) / layout.chunkBytes);
  const sealedChunk = layout.chunkBytes + TAG_BYTES;
  // One read for every chunk the range touches, then each chunk authenticated and decrypted.
  const from0 = HEADER_BYTES + first * sealedChunk;
  const stored = await read(from0, Math.min((last - first + 1) * sealedChunk, storedBytes - from0));
  const parts: Buffer[] = [];
  for (let i = first; i <= last; i++) {
    const offset = (i - first) * sealedChunk;
    const sealed = stored.subarray(offset, Math.min(offset + sealedChunk, stored.length));
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, i));
    decipher.setAAD(aad(id, i, i === layout.chunks - 1));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    parts.push(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]));
  }
  const plain = Buffer.concat(parts);
  const from = start - first * layout.chunkBytes;
  return plain.subarray(from, from + (to - start));
}

export async function decryptSegment(key: Buffer, id: SegmentIdentity, stored: Buffer): Promise<Buffer> {
  const read: ReadStored = async (offset, length) => stored.subarray(offset, offset + length);
  return decryptRange(key, id, read, stored.length, 0, Number.MAX_SAFE_INTEGER);
}
