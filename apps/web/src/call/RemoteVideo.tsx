import { useEffect, useRef, useState } from 'react';

interface RemoteVideoProps {
  stream: MediaStream | null;
  /** Changes when the stream gains a track, to attach it again. */
  version: number;
  /** The other participant's name, shown as the video's label. */
  name: string;
  /** Their camera is off (or they have none): their name stands in for the picture. */
  cameraOff: boolean;
}

/**
 * The other participant: their video, and their sound, which plays through the same element. If the browser
 * blocks playing sound by itself, a "Start audio" button starts it.
 */
export function RemoteVideo({ stream, version, name, cameraOff }: RemoteVideoProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // The same stream gaining a track (the camera turned on mid-call) plays on without being attached again.
    if (video.srcObject !== stream) video.srcObject = stream;
    if (!stream) return;
    video.play().then(
      () => setBlocked(false),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'NotAllowedError') setBlocked(true);
      },
    );
  }, [stream, version]);

  function startAudio() {
    void videoRef.current?.play().then(
      () => setBlocked(false),
      () => undefined,
    );
  }

  return (
    <figure className="call-video call-video--remote">
      <div className="call-video__frame">
        <video ref={videoRef} data-testid="remote-video" autoPlay playsInline aria-label={`Video from ${name}`} />
        {(cameraOff || !stream) && (
          <div className="call-video__placeholder" aria-hidden="true">
            {name}
          </div>
        )}
      </div>
      <figcaption className="call-video__label">{name}</figcaption>
      {blocked && (
        <div className="call-video__blocked">
          <p>Your browser stopped the sound from playing by itself.</p>
          <button type="button" className="button" onClick={startAudio}>
            Start audio
          </button>
        </div>
      )}
    </figure>
  );
}
