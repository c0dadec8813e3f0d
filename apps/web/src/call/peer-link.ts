import type { IceCandidate, SessionDescription } from '@confide/contract';

/** A description or an ICE candidate (null: no more candidates), to or from the other participant. */
export type NegotiationSignal = { description: SessionDescription } | { candidate: IceCandidate | null };

/** The local media to send: the microphone (if any) and the camera (while on), in one stream. */
export interface LocalTracks {
  stream: MediaStream;
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
}

export interface PeerLinkOptions {
  iceServers: RTCIceServer[];
  /** The polite side gives way when both offer at once (perfect negotiation). */
  polite: boolean;
  send: (signal: NegotiationSignal) => void;
  /** The other participant's media; called again whenever a track is added to it. */
  onRemoteStream: (stream: MediaStream) => void;
  onConnectionState: (state: RTCPeerConnectionState) => void;
}

export function toSessionDescription(description: RTCSessionDescription | null): SessionDescription | null {
  return description ? { type: description.type, sdp: description.sdp } : null;
}

/**
 * The peer connection to the other participant, negotiated with the "perfect negotiation" pattern (MDN): either
 * side may offer whenever its media changes; when offers collide, the impolite side ignores the other's offer
 * and the polite side rolls its own back. Incoming signals are applied one at a time, in order. The first offer on
 * a new connection always comes from the impolite side.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;
  private videoSender: RTCRtpSender | null = null;
  private incoming: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly options: PeerLinkOptions,
    local: LocalTracks,
  ) {
    const pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.pc = pc;
    const fallbackStream = new MediaStream();

    pc.onnegotiationneeded = async () => {
      // A new connection is always opened by the impolite side's offer: if the polite side offered too and had to
      // roll back its very first offer, Chromium would never gather its candidates again. Whatever the polite side
      // adds meanwhile is offered once that first negotiation is done (the browser asks again then).
      if (options.polite && !pc.remoteDescription) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        const description = toSessionDescription(pc.localDescription);
        if (description && !this.closed) options.send({ description });
      } catch {
        // Closed meanwhile, or superseded by the other side's offer: the next negotiation carries the change.
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!this.closed) options.send({ candidate: candidate ? (candidate.toJSON() as IceCandidate) : null });
    };
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? fallbackStream;
      if (!streams[0]) fallbackStream.addTrack(track);
      options.onRemoteStream(stream);
      // A video track added mid-call starts without frames: show it again once they arrive.
      track.onunmute = () => {
        if (!this.closed) options.onRemoteStream(stream);
      };
    };
    pc.onconnectionstatechange = () => {
      if (!this.closed) options.onConnectionState(pc.connectionState);
    };

    if (local.audio) pc.addTrack(local.audio, local.stream);
    // Without a microphone the impolite side still makes the first offer, to receive the other side's sound.
    else if (!options.polite) pc.addTransceiver('audio', { direction: 'recvonly' });
    if (local.video) this.videoSender = pc.addTrack(local.video, local.stream);
  }

  /** Turns the camera on (adding it, which renegotiates, or putting it back on its sender) or off (null). */
  setVideoTrack(track: MediaStreamTrack | null, stream: MediaStream): void {
    if (this.closed) return;
    if (this.videoSender) void this.videoSender.replaceTrack(track).catch(() => undefined);
    else if (track) this.videoSender = this.pc.addTrack(track, stream);
  }

  /** Applies a description or candidate from the other participant, after those before it. */
  receive(signal: NegotiationSignal): void {
    this.incoming = this.incoming.then(() => this.apply(signal)).catch(() => undefined);
  }

  /**
   * Starts an ICE restart: the next offer gathers new candidates, so a changed network can be used. Only the
   * impolite side does this (both sides see the connection drop), so two restarts never collide.
   */
  restartIce(): void {
    if (!this.closed && !this.options.polite) this.pc.restartIce();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }

  private async apply(signal: NegotiationSignal): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    if ('description' in signal) {
      const description = signal.description;
      const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswerPending);
      const offerCollision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.options.polite && offerCollision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswerPending = description.type === 'answer';
      try {
        await pc.setRemoteDescription(description);
      } finally {
        this.settingRemoteAnswerPending = false;
      }
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        const answer = toSessionDescription(pc.localDescription);
        if (answer && !this.closed) this.options.send({ description: answer });
      }
      return;
    }
    if (!signal.candidate) return;
    try {
      await pc.addIceCandidate(signal.candidate);
    } catch (error) {
      // Candidates for an offer we ignored are expected to fail.
      if (!this.ignoreOffer) throw error;
    }
  }
}
