import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileBlobStore } from '../storage/blob-store';
import { LocalKeyProvider } from './key-provider';
import { decryptRange, decryptSegment, encryptSegment, newDataKey, SegmentEncryptor, type SegmentIdentity } from './segment-cipher';

const identity = (): SegmentIdentity => ({ consultationId: randomUUID(), patientId: randomUUID(), segmentId: randomUUID() });

describe('recording segment encryption', () => {
  it('round-trips any plaintext, fed in any pieces, and decrypts any byte range alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5000 }), fc.array(fc.nat(700), { maxLength: 12 }), fc.integer({ min: 16, max: 1024 }), fc.nat(5000), fc.nat(5000),
        async (bytes, cuts, chunk, a, b) => {
          const plain = Buffer.from(bytes);
          const key = newDataKey();
          const id = identity();
          const e = new SegmentEncryptor(key, id, chunk);
          const parts: Buffer[] = [];
          let at = 0;
          for (const c of cuts) {
            parts.push(e.update(plain.subarray(at, at + c)));
            at += c;
          }
          parts.push(e.update(plain.subarray(at)), e.final());
          const stored = Buffer.concat(parts);
          expect(await decryptSegment(key, id, stored)).toEqual(plain);
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          const read = async (o: number, l: number) => stored.subarray(o, o + l);
          expect(await decryptRange(key, id, read, stored.length, start, end)).toEqual(plain.subarray(start, end));
          if (plain.length >= 64) expect(stored.includes(plain.subarray(0, 64))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a flipped bit anywhere in the ciphertext', async () => {
    const key = newDataKey();
    const id = identity();
    const stored = encryptSegment(key, id, Buffer.from('fake media '.repeat(400)), 256);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 16, max: stored.length - 1 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const tampered = Buffer.from(stored);
        tampered[at]! ^= 1 << bit;
        await expect(decryptSegment(key, id, tampered)).rejects.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it("fails with another consultation's or patient's associated data, another key, or a truncated blob", async () => {
    const key = newDataKey();
    const id = identity();
    const stored = encryptSegment(key, id, Buffer.alloc(3000, 7), 512);
    await expect(decryptSegment(key, { ...id, consultationId: randomUUID() }, stored)).rejects.toThrow();
    await expect(decryptSegment(key, { ...id, patientId: randomUUID() }, stored)).rejects.toThrow();
    await expect(decryptSegment(key, { ...id, segmentId: randomUUID() }, stored)).rejects.toThrow();
    await expect(decryptSegment(newDataKey(), id, stored)).rejects.toThrow();
    // Cut exactly at a chunk boundary: the remaining last chunk was not sealed as final.
    await expect(decryptSegment(key, id, stored.subarray(0, 16 + 2 * (512 + 16)))).rejects.toThrow();
  });
});

describe('data keys', () => {
  const kek = new LocalKeyProvider(Buffer.alloc(32, 9));

  it('are wrapped by the key-encryption key, bound to their context, and never shared', async () => {
    const keys = Array.from({ length: 200 }, () => newDataKey());
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(200);
    const wrapped = await kek.wrap(keys[0]!, 'consultation-a|patient-a');
    expect(wrapped).not.toContain(keys[0]!.toString('base64url'));
    expect(await kek.unwrap(wrapped, 'consultation-a|patient-a')).toEqual(keys[0]);
    await expect(kek.unwrap(wrapped, 'consultation-b|patient-a')).rejects.toThrow();
    await expect(new LocalKeyProvider(Buffer.alloc(32, 8)).unwrap(wrapped, 'consultation-a|patient-a')).rejects.toThrow(/another key-encryption key/);
  });
});

describe('file blob store', () => {
  it('shows a blob only once committed, reads ranges, and leaves nothing behind on abort', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-blobs-'));
    const store = new FileBlobStore(root);
    const w = await store.create('segment-0001abcd');
    await w.append(Buffer.from('hello '));
    expect(await store.size('segment-0001abcd')).toBeNull();
    await w.append(Buffer.from('world'));
    expect(await w.commit()).toBe(11);
    expect((await store.read('segment-0001abcd', 0, 11)).toString()).toBe('hello world');
    expect((await store.read('segment-0001abcd', 6, 5)).toString()).toBe('world');
    const aborted = await store.create('segment-0002abcd');
    await aborted.append(Buffer.from('gone'));
    await aborted.abort();
    expect(await store.size('segment-0002abcd')).toBeNull();
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    await expect(store.create('../escape')).rejects.toThrow(/invalid blob key/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
