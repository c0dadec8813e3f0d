import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Wraps and unwraps recordings' data keys with a key-encryption key (KEK) the database never sees. One small
 * interface so a cloud KMS can replace the local key without touching the media path.
 */
export interface KeyProvider {
  /** Identifies the KEK a wrapped key needs (rotation: old wrapped keys name their KEK). */
  readonly keyId: string;
  wrap(dataKey: Buffer, context: string): Promise<string>;
  unwrap(wrapped: string, context: string): Promise<Buffer>;
}

const VERSION = 'v1';

/**
 * A 256-bit KEK held in memory, from configuration (RECORDING_KEK or RECORDING_KEK_FILE). Wrapping is AES-256-GCM
 * with a random nonce and the caller's context (the consultation and patient) as associated data, so a wrapped key
 * moved to another recording's row does not unwrap.
 */
export class LocalKeyProvider implements KeyProvider {
  readonly keyId: string;

  constructor(private readonly kek: Buffer) {
    if (kek.length !== 32) throw new Error('the recording key-encryption key must be 32 bytes');
    this.keyId = createHash('sha256').update(kek).digest('hex').slice(0, 16);
  }

  async wrap(dataKey: Buffer, context: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.kek, iv);
    cipher.setAAD(Buffer.from(`${VERSION}|${this.keyId}|${context}`));
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.keyId, iv.toString('base64url'), sealed.toString('base64url')].join('.');
  }

  async unwrap(wrapped: string, context: string): Promise<Buffer> {
    const [version, keyId, iv, sealed] = wrapped.split('.');
    if (version !== VERSION || !iv || !sealed) throw new Error('not a wrapped data key');
    if (keyId !== this.keyId) throw new Error('wrapped with another key-encryption key');
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.kek, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${VERSION}|${keyId}|${context}`));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
  }
}
