import type { IceCandidate, SessionDescription } from '@confide/contract';
import { Event, RTCPeerConnection, useOPUS, useVP8, type MediaStreamTrack, type RTCRtpReceiver } from 'werift';
import { DurationPosition, MediaRecorder, replaceSegmentSize, SegmentSizePosition, type WebmOutput } from 'werift/nonstandard';
import type { FastifyBaseLogger } from 'fastify';
import { ParticipantRecording, type MediaSegment } from '../recordings/participant-recording';
import type { SegmentSinkDeps } from '../recordings/segment-sink';
import * as consultations from '../services/consultations.service';
import type { ServiceDeps } from '../services/service-deps';
import type { CallRecorder, RecorderOpenArgs, RecorderSession } from './call-recorder';

const PLI_INTERVAL_MS = 2_000;
const STOP_TIMEOUT_MS = 3_000;

interface Received {
  readonly track: MediaStreamTrack;
  readonly receiver: RTCRtpReceiver;
}

interface OpenSegment {
  readonly recorder: MediaRecorder;
  readonly chunks: Buffer[];
  readonly startedAt: Date;
  readonly hasVideo: boolean;
  readonly done: Promise<void>;
}

/**
 * Cuts one participant's incoming tracks into independent WebM files: a new segment every few seconds and whenever
 * a track is added (audio → video), each finished in memory (werift's duration and size patches) and handed over.
 * Plaintext never leaves memory here.
 */
class Segmenter {
  private readonly tracks: Received[] = [];
  private current: OpenSegment | null = null;
  private timer: NodeJS.Timeout | undefined;
  private pli: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly segmentMs: number,
    private readonly onSegment: (segment: MediaSegment) => void,
    private readonly log: FastifyBaseLogger,
  ) {}

  addTrack(track: MediaStreamTrack, receiver: RTCRtpReceiver): void {
    if (this.stopped || this.tracks.some((t) => t.track === track)) return;
    this.tracks.push({ track, receiver });
    if (track.kind === 'video') this.pli ??= setInterval(() => this.requestKeyframes(), PLI_INTERVAL_MS);
    this.rotate();
  }

  private requestKeyframes(): void {
    for (const { track, receiver } of this.tracks) {
      if (track.kind === 'video' && track.ssrc) receiver.sendRtcpPLI(track.ssrc).catch(() => undefined);
    }
  }

  /** Starts the next segment before stopping the current one, so no packet falls between them. */
  private rotate(): void {
    if (this.stopped) return;
    const previous = this.current;
    const tracks = [...this.tracks].sort((a, b) => Number(a.track.kind !== 'audio') - Number(b.track.kind !== 'audio')).map((t) => t.track);
    const stream = new Event<[WebmOutput]>();
    const chunks: Buffer[] = [];
    const startedAt = new Date();
    const hasVideo = tracks.some((t) => t.kind === 'video');
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    stream.subscribe((out) => {
      if (out.saveToFile) chunks.push(Buffer.from(out.saveToFile));
      if (out.eol) {
        const bytes = Buffer.concat(chunks);
        if (bytes.length > SegmentSizePosition + 8) {
          Buffer.from(out.eol.durationElement).copy(bytes, DurationPosition);
          replaceSegmentSize(bytes.length).copy(bytes, SegmentSizePosition);
          this.onSegment({ bytes, hasAudio: tracks.some((t) => t.kind === 'audio'), hasVideo, startedAt, endedAt: new Date() });
        }
        chunks.length = 0;
        finish();
      }
    });
    const recorder = new MediaRecorder({ tracks, stream, disableNtp: true, width: 640, height: 480 });
    recorder.onError.subscribe((err) => this.log.warn({ err: String(err) }, 'recording segment error'));
    this.current = { recorder, chunks, startedAt, hasVideo, done };
    if (hasVideo) this.requestKeyframes();
    if (previous) void previous.recorder.stop();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rotate(), this.segmentMs);
  }

  /** Ends the last segment (it is handed over) and stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pli);
    const last = this.current;
    this.current = null;
    if (!last) return;
    void last.recorder.stop();
    await Promise.race([last.done, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS))]);
  }
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
    const segmenter = new Segmenter(this.options.segmentMs, (segment) => recording.add(segment), this.log);
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
