import { Link, useParams } from 'react-router';
import { API, type Consultation } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApiResource } from '../api/use-api-resource';
import { callPath } from '../call/call-paths';
import { ChatTranscript } from '../call/ChatTranscript';
import { ConsultationNotFound } from '../call/ConsultationNotFound';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { MODE_LABELS } from '../format/appointment-labels';
import { CLINIC_TIME, formatDateOf, formatTime } from '../format/clinic-time';
import { APPOINTMENTS_PATH } from './patient-paths';

function ConsultationSummary({ consultation }: { consultation: Consultation }) {
  const { startedAt, endedAt } = consultation;
  return (
    <>
      <SummaryList
        rows={[
          { term: 'Clinician', value: consultation.clinician.name },
          { term: 'How', value: MODE_LABELS[consultation.mode] },
          { term: 'Time', value: endedAt ? `${formatTime(startedAt)} to ${formatTime(endedAt)} (${CLINIC_TIME})` : `From ${formatTime(startedAt)} (${CLINIC_TIME})` },
        ]}
      />
      {!endedAt && (
        <div className="notice">
          <p>This consultation is still in progress.</p>
          <p>
            <Link to={callPath('patient', consultation.id)} className="button">
              Join your consultation
            </Link>
          </p>
        </div>
      )}
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary from your clinician</h2>
        {consultation.summary ? (
          <p className="message-body">{consultation.summary}</p>
        ) : (
          <p>Your clinician has not shared a summary yet.</p>
        )}
      </section>
      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages</h2>
        {consultation.chat.length > 0 ? (
          <ChatTranscript messages={consultation.chat} labelledBy="messages-heading" />
        ) : (
          <p>No messages were sent during this consultation.</p>
        )}
      </section>
    </>
  );
}

/** A patient's consultation afterwards: who it was with, the summary their clinician shared, and the messages. */
export function ConsultationSummaryPage() {
  const { consultationId = '' } = useParams();
  const { resource, reload } = useApiResource<Consultation>(API.consultation(consultationId));

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <ConsultationNotFound role="patient" />;
  }

  return (
    <Page title={resource.status === 'loaded' ? `Your consultation on ${formatDateOf(resource.data.startedAt)}` : 'Your consultation'}>
      <AsyncContent resource={resource} loadingText="Loading your consultation…" failureText="Your consultation could not be loaded." onRetry={reload}>
        {(consultation) => <ConsultationSummary consultation={consultation} />}
      </AsyncContent>
      <p>
        <Link to={APPOINTMENTS_PATH}>Your appointments</Link>
      </p>
    </Page>
  );
}
