import type { IceCandidate } from '@confide/contract';
import { toSessionDescription, type LocalTracks, type NegotiationSignal } from './peer-link';

export interface RecorderLinkOptions {
  iceServers: RTCIceServer[];
  send: (signal: NegotiationSignal) => void;
}

/**
 * The send-only connection to the server, which records this participant's own media. The browser always
 * offers and the server only answers; if it never answers (recording is off), nothing else depends on it.
 */
export class RecorderLink {
  private readonly pc: RTCPeerConnection;
  private videoTransceiver: RTCRtpTransceiver | null = null;
  private closed = false;

  constructor(
    options: RecorderLinkOptions,
    private readonly local: LocalTracks,
  ) {
    const pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.pc = pc;
    pc.onnegotiationneeded = async () => {
      try {
        await pc.setLocalDescription(await pc.createOffer());
        const description = toSessionDescription(pc.localDescription);
        if (description && !this.closed) options.send({ description });
      } catch {
        // Closed meanwhile.
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!this.closed) options.send({ candidate: candidate ? (candidate.toJSON() as IceCandidate) : null });
    };
    if (local.audio) pc.addTransceiver(local.audio, { direction: 'sendonly', streams: [local.stream] });
    if (local.video) this.videoTransceiver = pc.addTransceiver(local.video, { direction: 'sendonly', streams: [local.stream] });
  }

  setVideoTrack(track: MediaStreamTrack | null): void {
    if (this.closed) return;
    if (this.videoTransceiver) void this.videoTransceiver.sender.replaceTrack(track).catch(() => undefined);
    else if (track) this.videoTransceiver = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [this.local.stream] });
  }

  /** The server's answer, or one of its candidates. */
  receive(signal: NegotiationSignal): void {
    if (this.closed) return;
    if ('description' in signal) {
      if (signal.description.type === 'answer' && this.pc.signalingState === 'have-local-offer') {
        void this.pc.setRemoteDescription(signal.description).catch(() => undefined);
      }
    } else if (signal.candidate) {
      void this.pc.addIceCandidate(signal.candidate).catch(() => undefined);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.close();
  }
}
