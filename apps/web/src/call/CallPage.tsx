import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { API, type Consultation } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApiResource } from '../api/use-api-resource';
import { CLINICIAN_DAY_PATH } from '../clinician/clinician-paths';
import { AsyncContent } from '../components/AsyncContent';
import { focusPageHeading } from '../components/focus-page-heading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { useFeatures } from '../features/use-features';
import { MODE_LABELS } from '../format/appointment-labels';
import { CLINIC_TIME, formatDateAndTime } from '../format/clinic-time';
import { APPOINTMENTS_PATH } from '../patient/patient-paths';
import { useSignedInUser } from '../session/use-session';
import { CallEnded } from './CallEnded';
import { CallRoom } from './CallRoom';
import { callTitle, otherName, RECORDING_NOTICE, RECORDING_OFF_NOTICE } from './call-text';
import { ConsultationNotFound } from './ConsultationNotFound';

interface BeforeJoiningProps {
  consultation: Consultation;
  /** They left the call on this page and may join again. */
  left: boolean;
  /** Whether the consultation will be recorded: false while an administrator has switched recording off. */
  recordingOn: boolean;
  onJoin: () => void;
}

/** Before joining: who the call is with, that it is recorded, and "Join the call" (which confirms they have seen that). */
function BeforeJoining({ consultation, left, recordingOn, onJoin }: BeforeJoiningProps) {
  const video = consultation.mode === 'video';
  const patient = consultation.you === 'patient';
  return (
    <>
      {left && (
        <Notice>
          <p>You left the call. You can join again while the consultation is in progress.</p>
        </Notice>
      )}
      <SummaryList
        rows={[
          { term: patient ? 'With' : 'Patient', value: otherName(consultation) },
          { term: 'How', value: MODE_LABELS[consultation.mode] },
          { term: 'Started', value: `${formatDateAndTime(consultation.startedAt)} (${CLINIC_TIME})` },
        ]}
      />
      {recordingOn ? (
        <Notice>
          <p>{RECORDING_NOTICE[consultation.you]}</p>
        </Notice>
      ) : (
        <Notice kind="warning">
          <p>{RECORDING_OFF_NOTICE}</p>
        </Notice>
      )}
      <p>
        Your browser will ask if Confide can use your {video ? 'camera and microphone' : 'microphone'}. Choose Allow. You can turn your camera
        on or off during the call.
      </p>
      <button type="button" className="button button--large" onClick={onJoin}>
        Join the call
      </button>
      <p>{patient ? <Link to={APPOINTMENTS_PATH}>Back to your appointments</Link> : <Link to={CLINICIAN_DAY_PATH}>Back to your day</Link>}</p>
    </>
  );
}

/**
 * The consultation call, for its patient (/patient/consultations/:id/call) and its clinician (/clinician/…/call).
 * It loads the consultation first: not theirs answers "not found", an ended one says so, and otherwise the
 * recording notice comes before anything is switched on.
 */
export function CallPage() {
  const { consultationId = '' } = useParams();
  const user = useSignedInUser();
  const role = user.role === 'clinician' ? 'clinician' : 'patient';
  const { resource, reload } = useApiResource<Consultation>(API.consultation(consultationId));
  const features = useFeatures();
  // Each join is a new call session; leaving or being replaced ends it.
  const [joins, setJoins] = useState(0);
  const [inCall, setInCall] = useState(false);
  const [left, setLeft] = useState(false);

  // Leaving takes the call (and the focused button) away: continue from the top of the page.
  useEffect(() => {
    if (left) focusPageHeading();
  }, [left]);

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <ConsultationNotFound role={role} />;
  }
  if (resource.status === 'loaded' && resource.data.endedAt) return <CallEnded consultation={resource.data} />;

  function join() {
    setJoins((n) => n + 1);
    setInCall(true);
    setLeft(false);
  }

  if (resource.status === 'loaded' && inCall) {
    return (
      <CallRoom
        key={joins}
        consultation={resource.data}
        features={features}
        onLeave={() => {
          setInCall(false);
          setLeft(true);
        }}
        onRejoin={join}
      />
    );
  }

  return (
    <Page title={resource.status === 'loaded' ? callTitle(resource.data) : role === 'patient' ? 'Your consultation' : 'Consultation'}>
      <AsyncContent resource={resource} loadingText="Loading your consultation…" failureText="Your consultation could not be loaded." onRetry={reload}>
        {(consultation) => <BeforeJoining consultation={consultation} left={left} recordingOn={features.recording} onJoin={join} />}
      </AsyncContent>
    </Page>
  );
}
