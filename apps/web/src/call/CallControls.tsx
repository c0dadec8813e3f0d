import type { CallSnapshot } from './call-session';

interface CallControlsProps {
  call: CallSnapshot;
  onToggleMicrophone: () => void;
  onCamera: (on: boolean) => void;
  onLeave: () => void;
}

/** Mute, camera on or off, and leave. Each button's name says what pressing it does now. */
export function CallControls({ call, onToggleMicrophone, onCamera, onLeave }: CallControlsProps) {
  const starting = call.camera === 'starting';
  return (
    <div className="call-controls__row">
      {call.microphone !== 'none' && (
        <button type="button" className="button button--secondary" onClick={onToggleMicrophone}>
          {call.microphone === 'muted' ? 'Unmute microphone' : 'Mute microphone'}
        </button>
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onCamera(call.camera !== 'on')}
        aria-busy={starting}
        aria-disabled={starting || undefined}
      >
        {starting ? 'Starting camera…' : call.camera === 'on' ? 'Turn camera off' : 'Turn camera on'}
      </button>
      <button type="button" className="button button--secondary" onClick={onLeave}>
        Leave the call
      </button>
    </div>
  );
}
