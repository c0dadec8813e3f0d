import { createHmac } from 'node:crypto';
import type { IceServer } from '@confide/contract';
import type { Config } from '../config/config';

/**
 * ICE servers for one participant: STUN as configured, and TURN with time-limited credentials in the TURN REST
 * API form coturn accepts with `use-auth-secret` (username = expiry:user, password = HMAC-SHA1 of it).
 */
export function iceServersFor(config: Config, userId: string, now = Date.now()): IceServer[] {
  const servers: IceServer[] = [];
  if (config.calls.stunUrls.length > 0) servers.push({ urls: config.calls.stunUrls });
  const turn = config.calls.turn;
  if (turn) {
    const username = `${Math.floor(now / 1000) + turn.ttlSeconds}:${userId}`;
    const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
    servers.push({ urls: turn.urls, username, credential });
  }
  return servers;
}
