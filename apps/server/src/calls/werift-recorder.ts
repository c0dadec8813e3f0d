import type { IceCandidate, SessionDescription } from '@confide/contract';
import { RTCPeerConnection, useOPUS, useVP8, Vp8RtpPayload, type MediaStreamTrack, type RTCRtpReceiver, type RtpPacket } from 'werift';
import { DepacketizeCallback, JitterBufferCallback, RtpSourceCallback, RtpTimeCallback, WebmCallback, type WebmOutput } from 'werift/nonstandard';
import type { FastifyBaseLogger } from 'fastify';
import { ParticipantRecording, type MediaSegment } from '../recordings/participant-recording';
import type { SegmentSinkDeps } from '../recordings/segment-sink';
import * as consultations from '../services/consultations.service';
import type { ServiceDeps } from '../services/service-deps';
import type { CallRecorder, RecorderOpenArgs, RecorderSession } from './call-recorder';

const PLI_INTERVAL_MS = 2_000;
/** With video, a segment is cut at the next key frame after it is due; this long without one, it is cut anyway. */
const KEYFRAME_WAIT_MS = 3_000;

/**
 * One independent WebM file (Opus track 1, VP8 track 2) built in memory from RTP, through werift's own processing
 * chain with time taken from RTP timestamps (werift's MediaRecorder loses audio with NTP timing, cuts lip-sync
 * buffers short and may never close a segment without a key frame, so the chain is assembled here).
 */
class WebmSegment {
  private readonly sources = new Map<string, RtpSourceCallback>();
  private readonly webm: WebmCallback;
  private readonly chunks: Buffer[] = [];
  private frames = 0;
  readonly startedAt = new Date();
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
  readonly done: Promise<MediaSegment | null>;

  constructor(tracks: MediaStreamTrack[]) {
    this.hasAudio = tracks.some((t) => t.kind === 'audio');
    this.hasVideo = tracks.some((t) => t.kind === 'video');
    // A placeholder duration so the header has a Duration element; the final header (same length) replaces it.
    this.webm = new WebmCallback(
      tracks.map((t, i) =>
        t.kind === 'audio'
          ? { kind: 'audio' as const, codec: 'OPUS' as const, clockRate: 48_000, trackNumber: i + 1 }
          : { kind: 'video' as const, codec: 'VP8' as const, clockRate: 90_000, trackNumber: i + 1, width: 640, height: 480 },
      ),
      { duration: 24 * 3600 * 1000 },
    );
    for (const t of tracks) {
      const source = new RtpSourceCallback();
      if (t.kind === 'audio') {
        const time = new RtpTimeCallback(48_000);
        const depacketize = new DepacketizeCallback('opus');
        source.pipe(time.input);
        time.pipe(depacketize.input);
        depacketize.pipe((o) => {
          if (o.frame) this.frames += 1;
          this.webm.inputAudio(o);
        });
      } else {
        const jitter = new JitterBufferCallback(90_000);
        const time = new RtpTimeCallback(90_000);
        const depacketize = new DepacketizeCallback('vp8', { isFinalPacketInSequence: (h) => h.marker });
        source.pipe(jitter.input);
        jitter.pipe(time.input);
        time.pipe(depacketize.input);
        depacketize.pipe((o) => {
          if (o.frame) this.frames += 1;
          this.webm.inputVideo(o);
        });
      }
      this.sources.set(t.kind, source);
    }
    this.done = new Promise((resolve) => {
      void this.webm.pipe(async (o: WebmOutput) => {
        if (o.saveToFile) this.chunks.push(Buffer.from(o.saveToFile));
        if (o.eol) {
          this.chunks[0] = Buffer.from(o.eol.header);
          const bytes = Buffer.concat(this.chunks);
          this.chunks.length = 0;
          resolve(this.frames > 0 ? { bytes, hasAudio: this.hasAudio, hasVideo: this.hasVideo, startedAt: this.startedAt, endedAt: new Date() } : null);
        }
      });
    });
  }

  input(kind: string, rtp: RtpPacket): void {
    this.sources.get(kind)?.input(rtp);
  }

  /** Flushes and closes the file, even if a track never had a frame. */
  finish(): Promise<MediaSegment | null> {
    for (const source of this.sources.values()) source.stop();
    this.webm.stop();
    return this.done;
  }
}

/**
 * Cuts one participant's incoming tracks into WebM segments: a new one every few seconds and whenever a track is
 * added (audio → video); with video, at a key frame (requested by PLI), so each segment plays on its own.
 */
class Segmenter {
  private readonly tracks: { track: MediaStreamTrack; receiver: RTCRtpReceiver }[] = [];
  private current: WebmSegment | null = null;
  private pending: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private pli: NodeJS.Timeout | undefined;
  private finishing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly segmentMs: number,
    private readonly onSegment: (segment: MediaSegment) => void,
  ) {}

  private get hasVideo(): boolean {
    return this.tracks.some((t) => t.track.kind === 'video');
  }

  addTrack(track: MediaStreamTrack, receiver: RTCRtpReceiver): void {
    if (this.stopped || this.tracks.some((t) => t.track === track)) return;
    this.tracks.push({ track, receiver });
    track.onReceiveRtp.subscribe((rtp) => this.onRtp(track, rtp));
    if (track.kind === 'video') {
      this.pli ??= setInterval(() => this.requestKeyframe(), PLI_INTERVAL_MS);
      this.requestCut();
    } else {
      this.cut();
    }
  }

  private requestKeyframe(): void {
    for (const { track, receiver } of this.tracks) {
      if (track.kind === 'video' && track.ssrc) receiver.sendRtcpPLI(track.ssrc).catch(() => undefined);
    }
  }

  private requestCut(): void {
    if (!this.hasVideo) {
      this.cut();
      return;
    }
    this.pending ??= Date.now();
    this.requestKeyframe();
  }

  private onRtp(track: MediaStreamTrack, rtp: RtpPacket): void {
    if (this.stopped) return;
    if (this.pending !== null) {
      const keyframe = track.kind === 'video' && isVp8KeyframeStart(rtp);
      if (keyframe || Date.now() - this.pending > KEYFRAME_WAIT_MS) this.cut();
    }
    this.current?.input(track.kind, rtp.clone());
  }

  /** Starts the next segment, then finishes the previous one: no packet falls between them. */
  private cut(): void {
    if (this.stopped) return;
    this.pending = null;
    const previous = this.current;
    const audioFirst = [...this.tracks.filter((t) => t.track.kind === 'audio'), ...this.tracks.filter((t) => t.track.kind === 'video')];
    this.current = new WebmSegment(audioFirst.map((t) => t.track));
    if (previous) this.hand(previous);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.requestCut(), this.segmentMs);
  }

  private hand(segment: WebmSegment): void {
    this.finishing = this.finishing.then(async () => {
      const finished = await segment.finish();
      if (finished) this.onSegment(finished);
    });
  }

  /** Finishes the last segment (it is handed over) and stops. */
  async stop(): Promise<void> {
    if (this.stopped) return this.finishing;
    clearTimeout(this.timer);
    clearInterval(this.pli);
    const last = this.current;
    this.current = null;
    if (last) this.hand(last);
    this.stopped = true;
    await this.finishing;
  }
}

function isVp8KeyframeStart(rtp: RtpPacket): boolean {
  const payload = Vp8RtpPayload.deSerialize(rtp.payload);
  return payload.payloadHeaderExist && payload.isKeyframe;
}

/**
 * The server as a WebRTC peer (werift, pure TypeScript): one receive-only connection per participant, answering
 * the participant's offers (the first, and each renegotiation such as switching to video). Each participant's own
 * media is recorded into their consultation, committed as them.
 */
export class WeriftRecorder implements CallRecorder {
  private readonly sessions = new Set<RecorderSession>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly sink: Omit<SegmentSinkDeps, 'commit'>,
    private readonly log: FastifyBaseLogger,
    private readonly options: { segmentMs: number; additionalHostAddresses: string[] },
  ) {}

  open(args: RecorderOpenArgs): RecorderSession {
    const { owner, participant, principal, ctx } = args;
    const recording = new ParticipantRecording(
      { ...this.sink, commit: (segment) => consultations.commitSegment(this.deps, ctx, principal, owner, segment) },
      owner,
      participant,
      () => consultations.nextSegmentSeq(this.deps, ctx, principal, owner, participant),
      (err) => this.log.error({ err: String(err), consultationId: owner.consultationId }, 'recording segment not stored'),
    );
    const segmenter = new Segmenter(this.options.segmentMs, (segment) => recording.add(segment));
    const pc = new RTCPeerConnection({
      iceServers: [],
      iceAdditionalHostAddresses: this.options.additionalHostAddresses,
      codecs: { audio: [useOPUS()], video: [useVP8()] },
    });
    pc.onIceCandidate.subscribe((candidate) => {
      if (candidate) args.onCandidate(candidate.toJSON() as IceCandidate);
    });
    pc.ontrack = ({ track, receiver }) => segmenter.addTrack(track, receiver);
    let closed = false;
    const session: RecorderSession = {
      answer: async (offer: SessionDescription): Promise<SessionDescription> => {
        await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp ?? '' });
        await pc.setLocalDescription(await pc.createAnswer());
        return { type: 'answer', sdp: pc.localDescription?.sdp ?? '' };
      },
      addCandidate: async (candidate) => {
        if (candidate?.candidate) await pc.addIceCandidate({ ...candidate, sdpMid: candidate.sdpMid ?? undefined, sdpMLineIndex: candidate.sdpMLineIndex ?? undefined }).catch(() => undefined);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        this.sessions.delete(session);
        await segmenter.stop();
        await recording.flushed();
        await pc.close();
      },
    };
    this.sessions.add(session);
    return session;
  }

  /** Flushes and closes every recording (server shutdown): at most the segment in progress is cut short, not lost. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions].map((s) => s.close()));
  }
}
