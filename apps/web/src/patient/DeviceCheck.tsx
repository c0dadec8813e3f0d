import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CAMERA_MESSAGES,
  canCheckDevices,
  HEARD_LEVEL,
  measureSoundLevel,
  MICROPHONE_MESSAGES,
  openDevices,
  stopStream,
  UNSUPPORTED_MESSAGE,
  type CameraResult,
  type MicrophoneResult,
} from './device-check';

export type DeviceCheckOutcome = 'ok' | 'problem';

interface DeviceCheckProps {
  /** Video appointments check the camera and microphone; phone appointments only the microphone. */
  withCamera: boolean;
  /** Told once each check has its answer: whether the devices it needs could be opened. */
  onChecked: (outcome: DeviceCheckOutcome) => void;
}

type Phase = 'idle' | 'checking' | 'done';

function Result({ ok, children }: { ok: boolean; children: string }) {
  return (
    <li className={ok ? 'device-result device-result--ok' : 'device-result device-result--problem'}>
      <span className="device-result__mark" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      {children}
    </li>
  );
}

/**
 * "Check my camera and microphone": opens them only when asked, shows a live (muted) camera preview and a
 * sound level meter, and says in plain English what works. Everything is switched off again when the
 * check goes from the page (after checking in, or on leaving).
 */
export function DeviceCheck({ withCamera, onChecked }: DeviceCheckProps) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [unsupported, setUnsupported] = useState(false);
  const [camera, setCamera] = useState<CameraResult | null>(null);
  const [microphone, setMicrophone] = useState<MicrophoneResult | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const meterRef = useRef<HTMLMeterElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const stopMeter = useRef<() => void>(() => undefined);
  const mounted = useRef(false);

  const release = useCallback(() => {
    stopMeter.current();
    stopMeter.current = () => undefined;
    stopStream(streamRef.current);
    streamRef.current = null;
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      release();
    };
  }, [release]);

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
  }, [stream]);

  async function check() {
    if (phase === 'checking') return;
    release();
    setStream(null);
    if (!canCheckDevices()) {
      setUnsupported(true);
      setPhase('done');
      onChecked('problem');
      return;
    }
    setPhase('checking');
    const opened = await openDevices(withCamera);
    if (!mounted.current) {
      stopStream(opened.stream);
      return;
    }
    streamRef.current = opened.stream;
    setStream(opened.stream);
    setCamera(opened.camera);
    setMicrophone(opened.microphone);
    setPhase('done');
    if (opened.stream && opened.microphone === 'listening') {
      let heard = false;
      stopMeter.current = measureSoundLevel(opened.stream, (level) => {
        if (meterRef.current) meterRef.current.value = level;
        if (!heard && level >= HEARD_LEVEL) {
          heard = true;
          setMicrophone('heard');
        }
      });
    }
    onChecked(opened.microphone === 'listening' && (!withCamera || opened.camera === 'working') ? 'ok' : 'problem');
  }

  const what = withCamera ? 'camera and microphone' : 'microphone';
  const hasVideo = (stream?.getVideoTracks().length ?? 0) > 0;
  const hasAudio = (stream?.getAudioTracks().length ?? 0) > 0;

  return (
    <div className="device-check">
      <p>Your browser will ask if Confide can use your {what}. Choose Allow.</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void check()}
        aria-busy={phase === 'checking'}
        aria-disabled={phase === 'checking' || undefined}
      >
        {phase === 'checking' ? 'Checking…' : phase === 'done' ? 'Check again' : `Check my ${what}`}
      </button>

      {/* Always on the page, so each result is announced as it arrives (and "we can hear you" when it does). */}
      <div role="status" className="device-results">
        {phase === 'done' &&
          (unsupported ? (
            <p className="device-result device-result--problem">{UNSUPPORTED_MESSAGE}</p>
          ) : (
            <ul className="device-result-list">
              {camera && <Result ok={camera === 'working'}>{CAMERA_MESSAGES[camera]}</Result>}
              {microphone && <Result ok={microphone === 'listening' || microphone === 'heard'}>{MICROPHONE_MESSAGES[microphone]}</Result>}
            </ul>
          ))}
      </div>

      {hasVideo && <video ref={videoRef} className="camera-preview" autoPlay muted playsInline aria-label="Your camera preview" />}
      {hasAudio && (
        <div className="field sound-level">
          <label className="label" htmlFor="microphone-level">
            Microphone sound level
          </label>
          <p className="hint" id="microphone-level-hint">
            The bar moves when we can hear you.
          </p>
          <meter id="microphone-level" className="sound-meter" min={0} max={100} value={0} aria-describedby="microphone-level-hint" ref={meterRef} />
        </div>
      )}
    </div>
  );
}
