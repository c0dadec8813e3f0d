import { API, ServerSignal, SIGNAL_CLOSE, type ClientSignal } from '@confide/contract';

/** Waits before each attempt to reconnect: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, 10_000);
}

/** The consultation's signalling socket on this page's own origin (the session cookie goes with it). */
export function signalUrl(consultationId: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${API.consultationSignal(consultationId)}`;
}

/** Why the socket stopped for good. */
export type SignallingStop = 'replaced' | 'ended';

export interface SignallingHandlers {
  onMessage(message: ServerSignal): void;
  /**
   * The socket closed unexpectedly and a new attempt is scheduled. `opened` is false when the socket never
   * opened (no network, or the server refused the upgrade: not found or no longer allowed).
   */
  onDropped(opened: boolean): void;
  onStopped(reason: SignallingStop): void;
  /** Asked before each new attempt; false stops trying (the caller found out the call cannot go on). */
  mayReconnect(): Promise<boolean>;
}

/**
 * The call's signalling: JSON over a WebSocket. On open it joins (the participant has seen the recording
 * notice); every message from the server is checked against the contract. If the socket drops it reconnects
 * with a growing wait and joins again, until the call ends, the participant joins from elsewhere, or it is closed.
 */
export class SignallingClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly handlers: SignallingHandlers,
  ) {}

  connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.sendOn(socket, { type: 'join', recordingNoticeSeen: true });
    };
    socket.onmessage = (event: MessageEvent) => {
      if (socket !== this.socket || this.stopped) return;
      const message = parse(event.data);
      if (!message) return;
      if (message.type === 'welcome') this.attempt = 0;
      if (message.type === 'ended') this.stop('ended');
      this.handlers.onMessage(message);
    };
    socket.onclose = (event: CloseEvent) => {
      if (socket !== this.socket || this.stopped) return;
      this.socket = null;
      if (event.code === SIGNAL_CLOSE.replaced) this.stop('replaced');
      else if (event.code === SIGNAL_CLOSE.ended) this.stop('ended');
      else this.retry(opened);
    };
  }

  /** Sends once joined; false if the socket is not open (the message is not kept). */
  send(message: ClientSignal): boolean {
    return this.socket ? this.sendOn(this.socket, message) : false;
  }

  /** Closes the socket and stops reconnecting. */
  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState !== WebSocket.CLOSED) socket.close(1000, 'left');
  }

  private sendOn(socket: WebSocket, message: ClientSignal): boolean {
    if (socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  private stop(reason: SignallingStop): void {
    if (this.stopped) return;
    this.close();
    this.handlers.onStopped(reason);
  }

  private retry(opened: boolean): void {
    const delay = reconnectDelayMs(this.attempt);
    this.attempt += 1;
    this.handlers.onDropped(opened);
    this.timer = setTimeout(() => {
      void this.handlers.mayReconnect().then((may) => {
        if (may) this.connect();
        else this.close();
      });
    }, delay);
  }
}

function parse(data: unknown): ServerSignal | null {
  if (typeof data !== 'string') return null;
  try {
    const result = ServerSignal.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
