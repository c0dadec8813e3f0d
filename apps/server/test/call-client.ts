import { API, ServerSignal, type ClientSignal } from '@confide/contract';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { SESSION_COOKIE } from '../src/http/session-cookie';
import type { ApiClient, TestApp } from './test-app';

/** A participant's signalling socket in tests: sends client signals, and waits for server signals by type. */
export class CallClient {
  readonly received: ServerSignal[] = [];
  private waiters: { type: ServerSignal['type']; resolve: (m: ServerSignal) => void }[] = [];
  closeCode: number | null = null;
  private readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const message = ServerSignal.parse(JSON.parse(String(raw)));
      this.received.push(message);
      const i = this.waiters.findIndex((w) => w.type === message.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(message);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => {
      this.closeCode = code;
      resolve(code);
    }));
  }

  send(message: ClientSignal | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The next message of `type` not yet taken (including ones that already arrived). */
  next<T extends ServerSignal['type']>(type: T, timeoutMs = 5000): Promise<Extract<ServerSignal, { type: T }>> {
    const i = this.received.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.received.splice(i, 1)[0] as Extract<ServerSignal, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          this.received.splice(this.received.indexOf(m), 1);
          resolve(m as Extract<ServerSignal, { type: T }>);
        },
      });
    });
  }

  waitClosed(): Promise<number> {
    return this.closed;
  }

  close(): void {
    this.socket.close();
  }
}

const listening = new WeakMap<TestApp, Promise<string>>();

/** The app on a real loopback port (WebSocket closes need a real socket), started once per app. */
function baseUrlOf(app: TestApp): Promise<string> {
  let url = listening.get(app);
  if (!url) {
    url = app.listen({ host: '127.0.0.1', port: 0 }).then(() => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    listening.set(app, url);
  }
  return url;
}

/**
 * Opens the consultation's signalling socket as `client` (its session cookie), from the app's own origin unless
 * another is given. A refused upgrade rejects with "Unexpected server response: <status>".
 */
export async function openCall(app: TestApp, client: ApiClient | null, consultationId: string, origin?: string): Promise<CallClient> {
  const base = await baseUrlOf(app);
  const headers: Record<string, string> = { origin: origin ?? base };
  if (client?.cookie) headers.cookie = `${SESSION_COOKIE}=${client.cookie}`;
  const socket = new WebSocket(`${base.replace('http', 'ws')}${API.consultationSignal(consultationId)}`, { headers });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return new CallClient(socket);
}
