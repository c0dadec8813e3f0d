import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the directory on release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-lock-'));
    const release = acquireDataDirLock(dir);
    // Another live process holds it: simulate by writing our parent's PID (alive) into the lock.
    fs.writeFileSync(path.join(dir, 'confide.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    fs.writeFileSync(path.join(dir, 'confide.lock'), String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'confide.lock'))).toBe(false);
    acquireDataDirLock(dir)();
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'confide.lock'), dead);
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'confide.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
