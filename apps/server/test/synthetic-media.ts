import { BufferTarget, EncodedAudioPacketSource, EncodedPacket, Output, WebMOutputFormat } from 'mediabunny';

/**
 * A large WebM segment of synthetic "Opus" packets (the muxer and the player's byte ranges do not decode them):
 * for streams that must still be in flight, and for throughput benchmarks.
 */
export async function syntheticSegment(megabytes: number): Promise<Buffer> {
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const audio = new EncodedAudioPacketSource('opus');
  output.addAudioTrack(audio);
  await output.start();
  const packets = Math.ceil((megabytes * 1024 * 1024) / 4000);
  for (let i = 0; i < packets; i++) {
    const payload = new Uint8Array(4000).fill(i & 0xff);
    await audio.add(new EncodedPacket(payload, 'key', i * 0.02, 0.02), i === 0 ? { decoderConfig: { codec: 'opus', numberOfChannels: 1, sampleRate: 48_000 } } : undefined);
  }
  await output.finalize();
  return Buffer.from((output.target as BufferTarget).buffer!);
}
