import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  Output,
  WebMOutputFormat,
  type InputAudioTrack,
  type InputVideoTrack,
} from 'mediabunny';

/** One Opus frame of silence: 20 ms (a TOC byte for CELT fullband 20 ms, and no frame data). */
const SILENCE_SECONDS = 0.02;

type AudioConfig = Awaited<ReturnType<InputAudioTrack['getDecoderConfig']>>;
type VideoConfig = Awaited<ReturnType<InputVideoTrack['getDecoderConfig']>>;

/** One stored segment of a participant's media, decrypted: a complete WebM file and when it began. */
export interface ComposerSegment {
  readonly startedAt: Date;
  readonly bytes: Buffer;
}

/** A participant's whole recording as one seekable WebM file (Cues and duration written up front). */
export interface ComposedTrack {
  readonly bytes: Buffer;
  readonly durationMs: number;
  readonly hasVideo: boolean;
}

interface SegmentPackets {
  readonly startedAt: Date;
  readonly audio: EncodedPacket[];
  readonly video: EncodedPacket[];
  readonly audioConfig: AudioConfig;
  readonly videoConfig: VideoConfig;
}

async function readSegment(segment: ComposerSegment): Promise<SegmentPackets> {
  const input = new Input({ source: new BufferSource(segment.bytes), formats: ALL_FORMATS });
  try {
    const audioTrack = await input.getPrimaryAudioTrack();
    const videoTrack = await input.getPrimaryVideoTrack();
    const audio: EncodedPacket[] = [];
    const video: EncodedPacket[] = [];
    if (audioTrack) for await (const p of new EncodedPacketSink(audioTrack).packets()) audio.push(p);
    if (videoTrack) for await (const p of new EncodedPacketSink(videoTrack).packets()) video.push(p);
    return {
      startedAt: segment.startedAt,
      audio,
      video,
      audioConfig: audioTrack && audio.length > 0 ? await audioTrack.getDecoderConfig() : null,
      videoConfig: videoTrack && video.length > 0 ? await videoTrack.getDecoderConfig() : null,
    };
  } finally {
    input.dispose();
  }
}

/**
 * Joins one participant's segments (in order) into one track, placed on the consultation's time line: each
 * segment starts where it began in wall-clock time after `origin`, never before the previous one ended, so gaps
 * (a reconnect) stay gaps and the two participants' tracks play in step; each track starts at 0 (silence until the
 * participant's first sound). Packets are copied, not re-encoded; a segment whose video does not open on a key frame
 * has its video dropped up to the first one.
 */
export async function composeTrack(segments: readonly ComposerSegment[], origin: Date): Promise<ComposedTrack | null> {
  const parts: SegmentPackets[] = [];
  for (const s of segments) parts.push(await readSegment(s));
  const audioConfig = parts.find((p) => p.audioConfig)?.audioConfig ?? null;
  const videoConfig = parts.find((p) => p.videoConfig)?.videoConfig ?? null;
  if (!audioConfig && !videoConfig) return null;

  // Place every packet on the time line first (each segment from where it began, never before the last ended).
  const placed: { kind: 'audio' | 'video'; packet: EncodedPacket; timestamp: number }[] = [];
  let end = 0; // seconds on the time line: where the previous segment's media ended
  let lastAudio = -1;
  let lastVideo = -1;
  for (const part of parts) {
    const all = [...part.audio, ...part.video];
    if (all.length === 0) continue;
    const first = Math.min(...all.map((p) => p.timestamp));
    const offset = Math.max((part.startedAt.getTime() - origin.getTime()) / 1000, end) - first;
    const firstKey = part.video.findIndex((p) => p.type === 'key');
    const videoKept = firstKey < 0 ? [] : part.video.slice(firstKey);
    const ordered = [
      ...part.audio.map((packet) => ({ kind: 'audio' as const, packet })),
      ...videoKept.map((packet) => ({ kind: 'video' as const, packet })),
    ].sort((x, y) => x.packet.timestamp - y.packet.timestamp);
    for (const { kind, packet } of ordered) {
      const timestamp = packet.timestamp + offset;
      if (kind === 'audio') {
        if (!audioConfig || timestamp <= lastAudio) continue;
        lastAudio = timestamp;
      } else {
        if (!videoConfig || timestamp < lastVideo) continue;
        lastVideo = timestamp;
      }
      placed.push({ kind, packet, timestamp });
      end = Math.max(end, timestamp + packet.duration);
    }
  }
  if (placed.length === 0) return null;

  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const audio = audioConfig ? new EncodedAudioPacketSource('opus') : null;
  const video = placed.some((p) => p.kind === 'video') && videoConfig ? new EncodedVideoPacketSource('vp8') : null;
  if (audio) output.addAudioTrack(audio);
  if (video) output.addVideoTrack(video);
  await output.start();
  let audioMeta = true;
  let videoMeta = true;
  // Every track starts at 0 on the time line, so the participants' tracks play in step from the start: before this
  // participant's first sound, Opus packets with no frame data (which a decoder plays as silence).
  const firstAudio = placed.find((p) => p.kind === 'audio')?.timestamp ?? 0;
  if (audio && audioConfig) {
    const silence = new Uint8Array([audioConfig.numberOfChannels > 1 ? 0xfc : 0xf8]);
    for (let t = 0; t + SILENCE_SECONDS <= firstAudio + 1e-6; t += SILENCE_SECONDS) {
      await audio.add(new EncodedPacket(silence, 'key', t, SILENCE_SECONDS), audioMeta ? { decoderConfig: audioConfig } : undefined);
      audioMeta = false;
    }
  }
  for (const { kind, packet, timestamp } of placed) {
    if (kind === 'audio' && audio) {
      await audio.add(packet.clone({ timestamp }), audioMeta ? { decoderConfig: audioConfig! } : undefined);
      audioMeta = false;
    } else if (kind === 'video' && video) {
      await video.add(packet.clone({ timestamp }), videoMeta ? { decoderConfig: videoConfig! } : undefined);
      videoMeta = false;
    }
  }
  if (audioMeta && videoMeta) {
    await output.cancel();
    return null;
  }
  await output.finalize();
  const buffer = (output.target as BufferTarget).buffer;
  if (!buffer) return null;
  return { bytes: Buffer.from(buffer), durationMs: Math.round(end * 1000), hasVideo: !videoMeta };
}
