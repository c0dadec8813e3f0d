import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, signalUrl } from './signalling-client';

describe('the signalling socket', () => {
  it('waits 1, 2, 4 and 8 seconds between attempts, then 10 at most', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(reconnectDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it('connects to the page’s own origin, encrypted when the page is', () => {
    const id = '0b7c2a4e-0c1f-4d7e-9f43-2a7a1f7d9c11';
    expect(signalUrl(id, { protocol: 'https:', host: 'confide.example' })).toBe(`wss://confide.example/api/v1/consultations/${id}/signal`);
    expect(signalUrl(id, { protocol: 'http:', host: 'localhost:3000' })).toBe(`ws://localhost:3000/api/v1/consultations/${id}/signal`);
  });
});
