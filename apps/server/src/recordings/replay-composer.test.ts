import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { composeTrack } from './replay-composer';

// Two small WebM files as the recorder writes them: Opus alone (before the camera), then Opus with VP8.
const fixture = (name: string) => readFileSync(path.join(__dirname, '../../test/fixtures', name));
const audioOnly = fixture('audio-2s.webm');
const audioVideo = fixture('audio-video-2s.webm');

async function packetsOf(bytes: Buffer) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const audio = await input.getPrimaryAudioTrack();
  const video = await input.getPrimaryVideoTrack();
  const read = async (t: typeof audio | typeof video) => {
    const out: { timestamp: number; bytes: number }[] = [];
    if (t) for await (const p of new EncodedPacketSink(t).packets()) out.push({ timestamp: p.timestamp, bytes: p.data.length });
    return out;
  };
  const a = await read(audio);
  return { audio: a.filter((p) => p.bytes > 1).map((p) => p.timestamp), silence: a.filter((p) => p.bytes === 1).map((p) => p.timestamp), video: (await read(video)).map((p) => p.timestamp), duration: await input.computeDuration() };
}

describe('composing a participant’s segments into one replay track', () => {
  it('places each segment on the consultation’s time line, keeps a gap as a gap, and switches to video mid-track', async () => {
    const origin = new Date('2026-11-23T10:00:00Z');
    const track = await composeTrack(
      [
        { startedAt: new Date(origin.getTime() + 1_000), bytes: audioOnly },
        // A reconnect: the next segment began 5 s after the consultation started, 2 s after the first one ended.
        { startedAt: new Date(origin.getTime() + 5_000), bytes: audioVideo },
      ],
      origin,
    );
    expect(track).not.toBeNull();
    expect(track!.hasVideo).toBe(true);
    expect(track!.durationMs).toBeGreaterThan(6_900);
    expect(track!.durationMs).toBeLessThan(7_100);
    const read = await packetsOf(track!.bytes);
    // Silence from 0 until the participant's first sound at 1 s, so every track starts at 0 and plays in step.
    expect(read.silence[0]).toBe(0);
    expect(read.silence.length).toBe(50);
    expect(read.audio[0]).toBeCloseTo(1, 1);
    expect(read.video[0]).toBeCloseTo(5, 1);
    // Nothing of the second segment before it began; audio stays in order.
    expect(read.audio.filter((t) => t > 3.1 && t < 4.9)).toEqual([]);
    expect([...read.audio].sort((a, b) => a - b)).toEqual(read.audio);
    expect(read.duration).toBeCloseTo(7, 0);
  });

  it('writes the seek index (Cues) before the media, so a player can seek with a Range request', async () => {
    const track = await composeTrack([{ startedAt: new Date(0), bytes: audioVideo }], new Date(0));
    const cues = track!.bytes.indexOf(Buffer.from([0x1c, 0x53, 0xbb, 0x6b]));
    const firstCluster = track!.bytes.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]));
    expect(cues).toBeGreaterThan(0);
    expect(cues).toBeLessThan(firstCluster);
  });

  it('never moves a segment earlier than the one before it ended (clock skew cannot overlap media)', async () => {
    const origin = new Date(0);
    const track = await composeTrack([{ startedAt: origin, bytes: audioOnly }, { startedAt: new Date(500), bytes: audioOnly }], origin);
    const read = await packetsOf(track!.bytes);
    expect(read.duration).toBeGreaterThan(3.9);
    expect(new Set(read.audio).size).toBe(read.audio.length);
  });

  it('has nothing to compose from segments without media', async () => {
    expect(await composeTrack([], new Date(0))).toBeNull();
  });
});
