import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { API, type Prescription, type RepeatRequest, type RepeatRequestList } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList } from '../components/SummaryList';
import { TextAreaField } from '../components/TextAreaField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import { medicineLabel } from '../format/prescription-labels';
import { FocusedNotice } from './FocusedNotice';
import { BOOK_PATH, PRESCRIPTIONS_PATH } from './patient-paths';
import { PharmacyContact } from './PharmacyDetails';
import { formatToken, prescriptionStatusText, quantityText, timelineSteps, ukDate } from './prescription-status';
import { RepeatRequestTable } from './RepeatRequestTable';
import { noRepeatText, repeatProblemText, repeatRequestsToShow, waitingRequestFor } from './repeat-requests';

const REPEAT_FIELDS = ['note'] as const;
const NOTE_MAX = 500;

function PrescriptionNotFound() {
  return (
    <Page title="Prescription not found">
      <p>We could not find this prescription among yours.</p>
      <p>
        <Link to={PRESCRIPTIONS_PATH}>Your prescriptions</Link>
      </p>
    </Page>
  );
}

function PrescriptionSummary({ prescription }: { prescription: Prescription }) {
  const { pharmacy } = prescription;
  return (
    <SummaryList
      rows={[
        { term: 'Status', value: prescriptionStatusText(prescription) },
        ...(prescription.status === 'cancelled' && prescription.cancelReason
          ? [{ term: 'Why it was cancelled', value: <span className="reason-text">{prescription.cancelReason}</span> }]
          : []),
        {
          term: 'Pharmacy',
          value: (
            <>
              <span className="block">{pharmacy.name}</span>
              <PharmacyContact pharmacy={pharmacy} />
            </>
          ),
        },
        { term: 'Prescribed by', value: prescription.prescriber.name },
        { term: 'Issued', value: ukDate(prescription.issuedAt) },
        { term: 'Expires', value: ukDate(prescription.expiresAt) },
        { term: 'Quantity', value: quantityText(prescription) },
        { term: 'Instructions', value: <span className="reason-text">{prescription.instructions}</span> },
        {
          term: 'Prescription reference',
          value: (
            <>
              <code className="break-anywhere">{formatToken(prescription.token)}</code>
              <span className="block secondary-text">The pharmacy may ask for this.</span>
            </>
          ),
        },
      ]}
    />
  );
}

function StatusTimeline({ prescription }: { prescription: Prescription }) {
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <ol className="list" aria-labelledby="progress-heading">
        {timelineSteps(prescription).map((step) =>
          step.reached ? (
            <li key={step.label}>
              <strong>{step.label}</strong>
              {step.at && (
                <>
                  : <time dateTime={step.at}>{ukDate(step.at)}</time>
                </>
              )}
            </li>
          ) : (
            <li key={step.label} className="secondary-text">
              {step.label}: not yet
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

interface RepeatFormProps {
  prescription: Prescription;
  form: FormErrors;
  onRequested: (request: RepeatRequest) => void;
}

function RepeatForm({ prescription, form, onRequested }: RepeatFormProps) {
  const api = useApi();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const trimmed = note.trim();
    if (trimmed.length > NOTE_MAX) {
      form.show({ note: `Your note must be ${NOTE_MAX} characters or fewer.` });
      return;
    }
    setBusy(true);
    try {
      const request = await api.post<RepeatRequest>(API.prescriptionRepeatRequests(prescription.id), trimmed ? { note: trimmed } : {});
      form.clear();
      onRequested(request);
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(error.fieldErrors);
      else form.show({}, repeatProblemText(error));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      <p>If you need more of this medicine, ask your clinician for a repeat. They will decide whether to send a new prescription to your pharmacy.</p>
      <TextAreaField
        id="note"
        label="Anything your clinician should know?"
        hint="Optional. For example, if anything has changed since they last saw you."
        rows={4}
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <SubmitButton busy={busy} busyText="Sending your request…">
        Request repeat
      </SubmitButton>
    </form>
  );
}

interface RepeatsProps {
  prescription: Prescription;
  form: FormErrors;
  onRequested: (request: RepeatRequest) => void;
}

/** Asking for a repeat of this prescription, or why not, and what became of earlier requests. */
function Repeats({ prescription, form, onRequested }: RepeatsProps) {
  const { resource, reload, update } = useApiResource<RepeatRequestList>(API.myRepeatRequests);
  const [justRequested, setJustRequested] = useState(false);
  const requests = resource.status === 'loaded' ? resource.data.requests : [];
  const mine = repeatRequestsToShow(requests, prescription.id);
  const unavailable = noRepeatText(prescription, waitingRequestFor(requests, prescription.id));

  function handleRequested(request: RepeatRequest) {
    update((list) => ({ requests: [request, ...list.requests.filter((r) => r.id !== request.id)] }));
    setJustRequested(true);
    onRequested(request);
  }

  return (
    <section aria-labelledby="repeat-heading">
      <h2 id="repeat-heading">Repeat requests</h2>
      {justRequested && (
        <FocusedNotice>
          <p>
            You have asked for a repeat of {prescription.medicine.name}. Your clinician will decide, and their answer will
            appear here.
          </p>
        </FocusedNotice>
      )}
      {prescription.repeatRequestable ? (
        <RepeatForm prescription={prescription} form={form} onRequested={handleRequested} />
      ) : (
        !justRequested &&
        unavailable && (
          <p>
            {unavailable}
            {!prescription.repeatable && (
              <>
                {' '}
                <Link to={BOOK_PATH}>Book an appointment</Link>
              </>
            )}
          </p>
        )
      )}
      <AsyncContent resource={resource} loadingText="Loading your repeat requests…" failureText="Your repeat requests could not be loaded." onRetry={reload}>
        {() =>
          mine.length === 0 ? (
            <p>You have not asked for a repeat of this prescription.</p>
          ) : (
            <RepeatRequestTable
              id="prescription-repeat-requests"
              caption={`Your repeat requests for ${medicineLabel(prescription.medicine)}`}
              requests={mine}
              withMedicine={false}
            />
          )
        }
      </AsyncContent>
    </section>
  );
}

/** One of the patient's prescriptions: its details, where it has got to, and asking for a repeat. */
export function PrescriptionPage() {
  const { prescriptionId = '' } = useParams();
  const form = useFormErrors();
  const { resource, reload, update } = useApiResource<Prescription>(API.prescription(prescriptionId));

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <PrescriptionNotFound />;
  }

  function handleRequested() {
    update((prescription) => ({ ...prescription, repeatRequestable: false }));
  }

  return (
    <Page title={resource.status === 'loaded' ? medicineLabel(resource.data.medicine) : 'Your prescription'} hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, REPEAT_FIELDS, form.formError)} focusKey={form.attempt} />
      <AsyncContent resource={resource} loadingText="Loading your prescription…" failureText="Your prescription could not be loaded." onRetry={reload}>
        {(prescription) => (
          <>
            <PrescriptionSummary prescription={prescription} />
            <StatusTimeline prescription={prescription} />
            <Repeats key={prescription.id} prescription={prescription} form={form} onRequested={handleRequested} />
          </>
        )}
      </AsyncContent>
      <p>
        <Link to={PRESCRIPTIONS_PATH}>Your prescriptions</Link>
      </p>
    </Page>
  );
}
