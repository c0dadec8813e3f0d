import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config';
import { LocalKeyProvider, type KeyProvider } from './key-provider';

/**
 * The key-encryption key from configuration: RECORDING_KEK (base64), or the file RECORDING_KEK_FILE. In
 * development with neither, a key is made once under DATA_DIR/keys (readable by this user only); production
 * refuses to start without one (see config.ts).
 */
export function loadRecordingKeys(config: Config): KeyProvider {
  const fromEnv = config.recording.kek;
  if (fromEnv) return new LocalKeyProvider(decodeKey(fromEnv, 'RECORDING_KEK'));
  const file = config.recording.kekFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return new LocalKeyProvider(decodeKey(fs.readFileSync(file, 'utf8').trim(), 'RECORDING_KEK_FILE'));
}

function decodeKey(text: string, name: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must hold 32 bytes, base64-encoded (e.g. openssl rand -base64 32).`);
  return key;
}
