/**
 * The camera and microphone check before a patient checks in: opening the devices, telling apart why
 * they could not be opened, and measuring how loud the microphone is. No React here; see DeviceCheck.
 */

/** Why a device could not be used, or that it can. */
export type DeviceProblem = 'blocked' | 'not_found' | 'in_use' | 'failed';
export type CameraResult = 'working' | DeviceProblem;
/** `listening`: open, but we have not heard anything yet. `heard`: sound has come through. */
export type MicrophoneResult = 'listening' | 'heard' | DeviceProblem;

export interface OpenedDevices {
  stream: MediaStream | null;
  /** Null for a phone appointment, which needs no camera. */
  camera: CameraResult | null;
  microphone: MicrophoneResult;
}

export const CAMERA_MESSAGES: Record<CameraResult, string> = {
  working: 'Camera working',
  blocked: 'Your browser blocked the camera. Allow it in the address bar, then try again.',
  not_found: 'We could not find a camera. Check it is plugged in or switched on, then try again.',
  in_use: 'Your camera is being used by another app. Close that app, then try again.',
  failed: 'Your camera could not be started. Try again, or restart your browser.',
};

export const MICROPHONE_MESSAGES: Record<MicrophoneResult, string> = {
  listening: 'Microphone connected. Say something so we can check we can hear you.',
  heard: 'Microphone working — we can hear you',
  blocked: 'Your browser blocked the microphone. Allow it in the address bar, then try again.',
  not_found: 'We could not find a microphone. Check it is plugged in or switched on, then try again.',
  in_use: 'Your microphone is being used by another app. Close that app, then try again.',
  failed: 'Your microphone could not be started. Try again, or restart your browser.',
};

export const UNSUPPORTED_MESSAGE =
  'This browser cannot check your camera and microphone. Use a recent version of Chrome, Edge, Firefox or Safari if you can.';

/** Whether this browser (and this page, which must be secure) can ask for the camera and microphone at all. */
export function canCheckDevices(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

function problemOf(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'blocked';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    default:
      return 'failed';
  }
}

/** Opens what `constraints` asks for, or says why it could not be opened. */
export async function openMedia(constraints: MediaStreamConstraints): Promise<{ stream: MediaStream } | { problem: DeviceProblem }> {
  try {
    return { stream: await navigator.mediaDevices.getUserMedia(constraints) };
  } catch (error) {
    return { problem: problemOf(error) };
  }
}

/**
 * Asks for the microphone, and for a video appointment the camera too. If one of the two is missing,
 * asks for each on its own, so the patient learns which one works.
 */
export async function openDevices(withCamera: boolean): Promise<OpenedDevices> {
  const both = await openMedia({ audio: true, video: withCamera });
  if ('stream' in both) return { stream: both.stream, camera: withCamera ? 'working' : null, microphone: 'listening' };
  if (!withCamera || both.problem !== 'not_found') {
    return { stream: null, camera: withCamera ? both.problem : null, microphone: both.problem };
  }
  const audio = await openMedia({ audio: true });
  const video = await openMedia({ video: true });
  const tracks = [...('stream' in audio ? audio.stream.getTracks() : []), ...('stream' in video ? video.stream.getTracks() : [])];
  return {
    stream: tracks.length > 0 ? new MediaStream(tracks) : null,
    camera: 'stream' in video ? 'working' : video.problem,
    microphone: 'stream' in audio ? 'listening' : audio.problem,
  };
}

/** A level from 0 to 100 at or above which we say we can hear the patient (about −42 dBFS). */
export const HEARD_LEVEL = 30;
const QUIETEST_DB = -60;

/**
 * Measures the microphone with a Web Audio AnalyserNode, calling `onLevel` with 0–100 on every animation
 * frame. Returns a function that stops measuring and closes the audio context.
 */
export function measureSoundLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AudioContextClass || stream.getAudioTracks().length === 0) return () => undefined;
  const context = new AudioContextClass();
  // Created after the patient pressed the button, so it may run; some browsers still start it suspended.
  void context.resume().catch(() => undefined);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let frame = 0;

  function tick() {
    analyser.getByteTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) {
      const x = (sample - 128) / 128;
      sum += x * x;
    }
    const rms = Math.sqrt(sum / samples.length);
    const db = rms > 0 ? 20 * Math.log10(rms) : -Infinity;
    const level = Math.round(Math.min(100, Math.max(0, ((db - QUIETEST_DB) / -QUIETEST_DB) * 100)));
    onLevel(level);
    frame = requestAnimationFrame(tick);
  }
  frame = requestAnimationFrame(tick);

  return () => {
    cancelAnimationFrame(frame);
    if (context.state !== 'closed') void context.close().catch(() => undefined);
  };
}

/** Switches the camera and microphone off (the browser's "in use" light goes out). */
export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
