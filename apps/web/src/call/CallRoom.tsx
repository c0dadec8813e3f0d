import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { Consultation } from '@confide/contract';
import { consultationNotesPath } from '../clinician/clinician-paths';
import { focusPageHeading } from '../components/focus-page-heading';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import type { FeatureFlags } from '../features/use-features';
import { CallControls } from './CallControls';
import { CallEnded } from './CallEnded';
import { callTitle, connectionText, inCallRecordingText, otherName, presenceText, remoteMediaText } from './call-text';
import type { NotesState } from './call-ended-state';
import { ChatPanel } from './ChatPanel';
import { ConsultationNotFound } from './ConsultationNotFound';
import { EndConsultation } from './EndConsultation';
import { RemoteVideo } from './RemoteVideo';
import { SelfView } from './SelfView';
import { useCallSession } from './use-call-session';

interface CallRoomProps {
  consultation: Consultation;
  /** Which services are on: recording and chat may be switched off, even during the call. */
  features: FeatureFlags;
  onLeave: () => void;
  /** After joining from another window: join here again (that one is then the one replaced). */
  onRejoin: () => void;
}

/** The call itself: the other participant, yourself, the connection, the controls and the messages. */
export function CallRoom({ consultation, features, onLeave, onRejoin }: CallRoomProps) {
  const { call, session } = useCallSession(consultation);
  const navigate = useNavigate();
  const other = otherName(consultation);
  const title = callTitle(consultation);
  const clinician = consultation.you === 'clinician';
  const { phase } = call;

  // The join button has gone, or the call has: continue from the top of the page (or, for the clinician at the
  // end, on the notes page).
  useEffect(() => {
    if (phase === 'in-call') return;
    if (phase === 'ended' && clinician) {
      const state: NotesState = { consultationEnded: true };
      navigate(consultationNotesPath(consultation.id), { state });
      return;
    }
    focusPageHeading();
  }, [phase, clinician, consultation.id, navigate]);

  if (phase === 'not-found') return <ConsultationNotFound role={consultation.you} />;
  if (phase === 'ended') return clinician ? <Loading>Opening your notes…</Loading> : <CallEnded consultation={consultation} />;
  if (phase === 'replaced') {
    return (
      <Page title={title}>
        <p className="notice notice--warning" role="alert">
          You joined this consultation from another window or device.
        </p>
        <p>The call continues there. If you want to use this window instead, join here; the other one will leave the call.</p>
        <button type="button" className="button" onClick={onRejoin}>
          Join the call here instead
        </button>
      </Page>
    );
  }

  const remoteCameraOff = call.remoteMedia ? !call.remoteMedia.video : (call.remoteStream?.getVideoTracks().length ?? 0) === 0;
  const quality = call.peer === 'connected' && call.quality && !call.signallingLost ? call.quality : 'pending';

  return (
    <Page title={title}>
      <p className="secondary-text">{inCallRecordingText(features.recording)}</p>
      {call.serverError && (
        <p className="notice notice--error" role="alert">
          {call.serverError}
        </p>
      )}
      {call.deviceProblem && (
        <div className="notice notice--warning" role="alert">
          <p>{call.deviceProblem}</p>
          <p>You can still hear {other} and send messages. To try again, leave the call and join again.</p>
        </div>
      )}
      <div className="call-layout">
        <section className="call-stage" aria-label="Call">
          <div className="call-status-bar">
            <p role="status" className="call-presence">
              {presenceText(call, other)}
            </p>
            <p role="status" aria-label="Call quality" className={`call-quality call-quality--${quality}`}>
              {connectionText(call)}
            </p>
          </div>
          <div className="call-videos">
            <RemoteVideo stream={call.remoteStream} version={call.remoteVersion} name={other} cameraOff={remoteCameraOff} />
            {call.selfView && <SelfView stream={call.selfView} />}
          </div>
          <p role="status" className="call-media-state">
            {[remoteMediaText(other, call.remoteMedia), call.microphone === 'muted' ? 'Your microphone is muted.' : '']
              .filter(Boolean)
              .join(' ')}
          </p>
          <div className="call-controls">
            <CallControls
              call={call}
              onToggleMicrophone={() => session?.toggleMicrophone()}
              onCamera={(on) => void session?.setCamera(on)}
              onLeave={onLeave}
            />
            {clinician && (
              <EndConsultation patientName={consultation.patient.name} onEnd={() => session?.end() ?? false} failed={call.serverError !== null} />
            )}
          </div>
        </section>
        <ChatPanel
          messages={call.chat}
          you={consultation.you}
          chatOn={features.chat}
          onSend={(text) => session?.sendChat(text) ?? false}
        />
      </div>
    </Page>
  );
}
