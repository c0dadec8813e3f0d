import type { ChatMessage, ClientSignal, IceServer, Participant, ServerSignal, SignalChannel } from '@confide/contract';
import { CAMERA_MESSAGES, MICROPHONE_MESSAGES, openDevices, openMedia, stopStream } from '../patient/device-check';
import { watchQuality, type CallQuality } from './call-quality';
import { PeerLink, type LocalTracks, type NegotiationSignal } from './peer-link';
import { RecorderLink } from './recorder-link';
import { SignallingClient, signalUrl, type SignallingStop } from './signalling-client';

/**
 * `joining`: opening the devices and the signalling socket. `in-call`: joined (the other side may not be
 * here yet). The rest are final: the call has ended, this participant joined from elsewhere, or the
 * consultation is not (or no longer) theirs.
 */
export type CallPhase = 'joining' | 'in-call' | 'ended' | 'replaced' | 'not-found';

/** The connection to the other participant. */
export type PeerState = 'waiting' | 'connecting' | 'connected' | 'reconnecting';

export interface MediaState {
  audio: boolean;
  video: boolean;
}

export interface CallSnapshot {
  phase: CallPhase;
  /** The signalling socket dropped; it is being reconnected. */
  signallingLost: boolean;
  peer: PeerState;
  quality: CallQuality | null;
  microphone: 'on' | 'muted' | 'none';
  camera: 'on' | 'off' | 'starting';
  /** The camera alone, for the self view. */
  selfView: MediaStream | null;
  remoteStream: MediaStream | null;
  /** Goes up whenever the remote stream gains a track or one starts receiving, so the page looks at it again. */
  remoteVersion: number;
  /** What the other participant said their microphone and camera are doing; null until they say. */
  remoteMedia: MediaState | null;
  chat: ChatMessage[];
  /** The server's explanation of the last thing it refused. */
  serverError: string | null;
  /** Why the microphone or camera could not be used. */
  deviceProblem: string | null;
}

/** What looking the consultation up again found, after the socket could not be opened. */
export type ConsultationCheck = 'open' | 'ended' | 'not-found' | 'unknown';

export interface CallSessionOptions {
  consultationId: string;
  mode: 'audio' | 'video';
  you: Participant;
  /** The chat so far, from loading the consultation. */
  chat: ChatMessage[];
  check: () => Promise<ConsultationCheck>;
}

/** After this long "disconnected", the peer connection restarts ICE. */
const DISCONNECTED_GRACE_MS = 3_000;
/** At most one ICE restart this often. */
const ICE_RESTART_GAP_MS = 5_000;

function mergeChat(current: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const seen = new Set(current.map((m) => m.id));
  const added = more.filter((m) => !seen.has(m.id));
  return added.length === 0 ? current : [...current, ...added];
}

function toRtcIceServers(servers: IceServer[]): RTCIceServer[] {
  return servers.map(({ urls, username, credential }) => ({ urls, username, credential }));
}

/**
 * One participant's side of a consultation call, with no React in it: the devices, the signalling socket, the
 * peer connection to the other participant, the send-only recorder connection to the server, the call quality
 * and reconnection. The page reads `getSnapshot()` (through `useSyncExternalStore`) and calls the commands.
 */
/** How a call looks before anything has happened: joining, nobody else there, no devices yet. */
export function joiningSnapshot(chat: CallSnapshot['chat']): CallSnapshot {
  return {
    phase: 'joining',
    signallingLost: false,
    peer: 'waiting',
    quality: null,
    microphone: 'none',
    camera: 'off',
    selfView: null,
    remoteStream: null,
    remoteVersion: 0,
    remoteMedia: null,
    chat,
    serverError: null,
    deviceProblem: null,
  };
}

export class CallSession {
  private snapshot: CallSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly signalling: SignallingClient;
  private readonly local: LocalTracks = { stream: new MediaStream(), audio: null, video: null };
  private peer: PeerLink | null = null;
  private recorder: RecorderLink | null = null;
  private iceServers: RTCIceServer[] = [];
  private polite = true;
  private stopQuality: () => void = () => undefined;
  private disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private lastIceRestart = 0;
  private lastDropNeverOpened = false;
  private finished = false;

  constructor(private readonly options: CallSessionOptions) {
    this.snapshot = joiningSnapshot(options.chat);
    this.signalling = new SignallingClient(signalUrl(options.consultationId), {
      onMessage: (message) => this.handle(message),
      onDropped: (opened) => {
        this.lastDropNeverOpened = !opened;
        this.set({ signallingLost: true });
      },
      onStopped: (reason: SignallingStop) => this.finish(reason),
      mayReconnect: () => this.mayReconnect(),
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CallSnapshot => this.snapshot;

  /** Opens the microphone (and the camera for a video consultation), then joins the call. */
  async start(): Promise<void> {
    const opened = await openDevices(this.options.mode === 'video');
    if (this.finished) {
      stopStream(opened.stream);
      return;
    }
    const audio = opened.stream?.getAudioTracks()[0] ?? null;
    const video = opened.stream?.getVideoTracks()[0] ?? null;
    this.local.audio = audio;
    this.local.video = video;
    for (const track of [audio, video]) if (track) this.local.stream.addTrack(track);
    const microphoneProblem = audio ? null : MICROPHONE_MESSAGES[opened.microphone];
    const cameraProblem = opened.camera && opened.camera !== 'working' ? CAMERA_MESSAGES[opened.camera] : null;
    this.set({
      microphone: audio ? 'on' : 'none',
      camera: video ? 'on' : 'off',
      selfView: video ? new MediaStream([video]) : null,
      deviceProblem: [microphoneProblem, cameraProblem].filter(Boolean).join(' ') || null,
    });
    this.signalling.connect();
  }

  toggleMicrophone(): void {
    const audio = this.local.audio;
    if (!audio || this.finished) return;
    audio.enabled = !audio.enabled;
    this.set({ microphone: audio.enabled ? 'on' : 'muted' });
    this.sendMediaState();
  }

  /** Turns the camera on (mid-call, even in an audio consultation) or off; the call carries on either way. */
  async setCamera(on: boolean): Promise<void> {
    if (this.finished || this.snapshot.camera === 'starting') return;
    if (!on) {
      const track = this.local.video;
      if (!track) return;
      this.local.video = null;
      this.local.stream.removeTrack(track);
      track.stop();
      this.peer?.setVideoTrack(null, this.local.stream);
      this.recorder?.setVideoTrack(null);
      this.set({ camera: 'off', selfView: null });
      this.sendMediaState();
      return;
    }
    if (this.local.video) return;
    this.set({ camera: 'starting' });
    const opened = await openMedia({ video: true });
    if (this.finished) {
      if ('stream' in opened) stopStream(opened.stream);
      return;
    }
    if ('problem' in opened) {
      this.set({ camera: 'off', deviceProblem: CAMERA_MESSAGES[opened.problem] });
      return;
    }
    const track = opened.stream.getVideoTracks()[0];
    if (!track) {
      stopStream(opened.stream);
      this.set({ camera: 'off', deviceProblem: CAMERA_MESSAGES.failed });
      return;
    }
    this.local.video = track;
    this.local.stream.addTrack(track);
    this.peer?.setVideoTrack(track, this.local.stream);
    this.recorder?.setVideoTrack(track);
    this.set({ camera: 'on', selfView: new MediaStream([track]), deviceProblem: null });
    this.sendMediaState();
  }

  /** Sends a chat message (already checked); false if the call is not connected just now. */
  sendChat(text: string): boolean {
    this.set({ serverError: null });
    return this.send({ type: 'chat', text });
  }

  /** The clinician ends the consultation for both; false if the call is not connected just now. */
  end(): boolean {
    this.set({ serverError: null });
    return this.send({ type: 'end' });
  }

  /** Leaves: closes the socket and the connections and switches the devices off. */
  dispose(): void {
    this.teardown();
    this.listeners.clear();
  }

  private set(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private handle(message: ServerSignal): void {
    switch (message.type) {
      case 'welcome':
        this.iceServers = toRtcIceServers(message.iceServers);
        this.polite = message.polite;
        this.set({ phase: 'in-call', signallingLost: false, chat: mergeChat(this.snapshot.chat, message.chat) });
        this.startRecorder();
        if (message.peerPresent) this.startPeer();
        else this.stopPeer();
        this.sendMediaState();
        return;
      case 'peer':
        if (message.present) {
          this.startPeer();
          this.sendMediaState();
        } else {
          this.stopPeer();
        }
        return;
      case 'description':
      case 'candidate': {
        const signal: NegotiationSignal = message.type === 'description' ? { description: message.description } : { candidate: message.candidate };
        if (message.channel === 'peer') this.peer?.receive(signal);
        else this.recorder?.receive(signal);
        return;
      }
      case 'chat':
        this.set({ chat: mergeChat(this.snapshot.chat, [message.message]) });
        return;
      case 'media':
        if (message.from !== this.options.you) this.set({ remoteMedia: { audio: message.audio, video: message.video } });
        return;
      case 'error':
        this.set({ serverError: message.detail });
        return;
      case 'ended':
        // The signalling client has already stopped, and said so.
        return;
    }
  }

  private send(message: ClientSignal): boolean {
    return this.signalling.send(message);
  }

  private sendNegotiation(channel: SignalChannel, signal: NegotiationSignal): void {
    if ('description' in signal) this.send({ type: 'description', channel, description: signal.description });
    else this.send({ type: 'candidate', channel, candidate: signal.candidate });
  }

  private sendMediaState(): void {
    const audio = this.local.audio;
    this.send({ type: 'media', audio: audio !== null && audio.enabled, video: this.local.video !== null });
  }

  /** A new recorder connection for each join: the server opens a new recording session each time. */
  private startRecorder(): void {
    this.recorder?.close();
    this.recorder = null;
    if (!this.local.audio && !this.local.video) return;
    this.recorder = new RecorderLink({ iceServers: this.iceServers, send: (signal) => this.sendNegotiation('recorder', signal) }, this.local);
  }

  /**
   * A fresh peer connection whenever the other participant (re)joins, or this one does while they are here: both
   * sides start again from nothing, so a rejoin after a drop always works, and perfect negotiation settles who offers.
   */
  private startPeer(): void {
    this.closePeer();
    const link: PeerLink = new PeerLink(
      {
        iceServers: this.iceServers,
        polite: this.polite,
        send: (signal) => this.sendNegotiation('peer', signal),
        onRemoteStream: (stream) => {
          if (this.peer === link) this.set({ remoteStream: stream, remoteVersion: this.snapshot.remoteVersion + 1 });
        },
        onConnectionState: (state) => {
          if (this.peer === link) this.onPeerState(link, state);
        },
      },
      this.local,
    );
    this.peer = link;
    this.set({ peer: 'connecting', quality: null, remoteStream: null });
  }

  private stopPeer(): void {
    this.closePeer();
    this.set({ peer: 'waiting', quality: null, remoteStream: null, remoteMedia: null });
  }

  private closePeer(): void {
    clearTimeout(this.disconnectedTimer);
    this.stopQuality();
    this.stopQuality = () => undefined;
    this.peer?.close();
    this.peer = null;
  }

  private onPeerState(link: PeerLink, state: RTCPeerConnectionState): void {
    switch (state) {
      case 'connected':
        clearTimeout(this.disconnectedTimer);
        this.stopQuality();
        this.stopQuality = watchQuality(link.pc, (quality) => {
          if (this.peer === link) this.set({ quality });
        });
        this.set({ peer: 'connected' });
        return;
      case 'disconnected':
        this.set({ peer: 'reconnecting' });
        clearTimeout(this.disconnectedTimer);
        this.disconnectedTimer = setTimeout(() => {
          if (this.peer === link && link.pc.connectionState === 'disconnected') this.restartIce(link);
        }, DISCONNECTED_GRACE_MS);
        return;
      case 'failed':
        this.set({ peer: 'reconnecting' });
        this.restartIce(link);
        return;
      case 'new':
      case 'connecting':
        if (this.snapshot.peer !== 'reconnecting') this.set({ peer: 'connecting' });
        return;
      case 'closed':
        return;
    }
  }

  private restartIce(link: PeerLink): void {
    const now = Date.now();
    if (now - this.lastIceRestart < ICE_RESTART_GAP_MS) {
      // Too soon after the last one: look again once the gap has passed.
      clearTimeout(this.disconnectedTimer);
      this.disconnectedTimer = setTimeout(() => {
        const state = link.pc.connectionState;
        if (this.peer === link && (state === 'disconnected' || state === 'failed')) this.restartIce(link);
      }, ICE_RESTART_GAP_MS);
      return;
    }
    this.lastIceRestart = now;
    link.restartIce();
  }

  private async mayReconnect(): Promise<boolean> {
    if (this.finished) return false;
    if (!this.lastDropNeverOpened) return true;
    // The socket could not even open: perhaps the consultation ended meanwhile, or is not theirs.
    const found = await this.options.check();
    if (this.finished) return false;
    if (found === 'ended' || found === 'not-found') {
      this.finish(found);
      return false;
    }
    return true;
  }

  private finish(phase: Exclude<CallPhase, 'joining' | 'in-call'>): void {
    if (this.finished) return;
    this.teardown();
    this.set({ phase, signallingLost: false, peer: 'waiting', quality: null, selfView: null, remoteStream: null, camera: 'off' });
  }

  private teardown(): void {
    this.finished = true;
    this.signalling.close();
    this.closePeer();
    this.recorder?.close();
    this.recorder = null;
    stopStream(this.local.stream);
    this.local.audio = null;
    this.local.video = null;
  }
}
