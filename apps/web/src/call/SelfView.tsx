import { useEffect, useRef } from 'react';

/** Your own camera, small and muted (so you do not hear yourself), mirrored as people expect. */
export function SelfView({ stream }: { stream: MediaStream }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
  }, [stream]);
  return (
    <figure className="call-video call-video--self">
      <div className="call-video__frame">
        <video ref={videoRef} data-testid="local-video" autoPlay playsInline muted aria-label="Your camera" />
      </div>
      <figcaption className="call-video__label">You</figcaption>
    </figure>
  );
}
