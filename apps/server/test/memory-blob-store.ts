import type { BlobStore, BlobWriter } from '../src/storage/blob-store';

/** An in-memory blob store for tests that are about ownership, not disks (the file store has its own tests). */
export class MemoryBlobStore implements BlobStore {
  readonly blobs = new Map<string, Buffer>();

  async create(key: string): Promise<BlobWriter> {
    const parts: Buffer[] = [];
    let done = false;
    return {
      key,
      append: async (bytes) => {
        if (done) throw new Error('blob writer closed');
        parts.push(bytes);
      },
      commit: async () => {
        done = true;
        const all = Buffer.concat(parts);
        this.blobs.set(key, all);
        return all.length;
      },
      abort: async () => {
        done = true;
      },
    };
  }

  async size(key: string): Promise<number | null> {
    return this.blobs.get(key)?.length ?? null;
  }

  async read(key: string, offset: number, length: number): Promise<Buffer> {
    const blob = this.blobs.get(key);
    if (!blob) throw new Error('no such blob');
    return blob.subarray(offset, offset + length);
  }

  async delete(key: string): Promise<void> {
    this.blobs.delete(key);
  }
}
