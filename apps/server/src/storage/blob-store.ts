import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A blob being written: appended to, then committed (visible under its key) or aborted (gone). */
export interface BlobWriter {
  readonly key: string;
  append(bytes: Buffer): Promise<void>;
  /** Flushes to stable storage and makes the blob visible; returns its size. */
  commit(): Promise<number>;
  abort(): Promise<void>;
}

/**
 * Storage for opaque blobs (encrypted recording segments) under random keys. Only ciphertext is ever given to it.
 * The filesystem store is the default; an object store (S3 and the like) implements the same interface.
 */
export interface BlobStore {
  create(key: string): Promise<BlobWriter>;
  /** Size in bytes, or null if there is no committed blob under the key. */
  size(key: string): Promise<number | null>;
  read(key: string, offset: number, length: number): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9-]{7,80}$/;

/** Blobs as files under `root`: written to a temporary file, fsynced, then renamed into place atomically. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid blob key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async create(key: string): Promise<BlobWriter> {
    const final = this.pathOf(key);
    const tmpDir = path.join(this.root, 'tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    await fs.promises.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${key}.${randomUUID()}.part`);
    const handle = await fs.promises.open(tmp, 'wx', 0o600);
    let size = 0;
    let closed = false;
    const close = async () => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    };
    return {
      key,
      async append(bytes) {
        if (bytes.length === 0) return;
        await handle.write(bytes);
        size += bytes.length;
      },
      async commit() {
        await handle.sync();
        await close();
        await fs.promises.rename(tmp, final);
        return size;
      },
      async abort() {
        await close();
        await fs.promises.rm(tmp, { force: true });
      },
    };
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await fs.promises.stat(this.pathOf(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async read(key: string, offset: number, length: number): Promise<Buffer> {
    const handle = await fs.promises.open(this.pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
