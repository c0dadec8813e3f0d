import { useEffect, useRef, useState } from 'react';
import { API, DeclineRepeatRequest, type Prescription, type RepeatRequest, type RepeatRequestList } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useLiveResource } from '../api/use-live-resource';
import { useReasonForm } from '../forms/use-reason-form';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SummaryList } from '../components/SummaryList';
import { TableCell } from '../components/TableCell';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { formatDateTime } from '../format/date-format';
import { medicineLabel } from '../format/prescription-labels';
import { AuthenticatorCodeForm } from './AuthenticatorCodeForm';
import { settleSigning, type Signing } from './second-factor';
import { useSecondFactor } from './use-second-factor';
import { ReasonFormFields } from '../components/ReasonFormFields';

const NO_PHARMACY =
  'The patient has not chosen a pharmacy, so the repeat cannot be sent. Ask them to choose one under Pharmacy in their account, then approve it again.';

const DECISION_LABELS: Record<RepeatRequest['status'], string> = {
  requested: 'Waiting for your decision',
  approved: 'Approved',
  declined: 'Declined',
};

function DeclineForm({ request, onDeclined }: { request: RepeatRequest; onDeclined: (declined: RepeatRequest) => void }) {
  const api = useApi();
  const fieldId = `decline-reason-${request.id}`;
  const form = useReasonForm<RepeatRequest>({
    fieldId,
    apiField: 'reason',
    schema: DeclineRepeatRequest.shape.reason,
    send: (reason) => api.post<RepeatRequest>(API.declineRepeatRequest(request.id), { reason }),
    onDone: onDeclined,
  });

  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);

  return (
    <div id={`decline-${request.id}`}>
      <ReasonFormFields
        form={form}
        fieldId={fieldId}
        summaryId={`decline-${request.id}-errors`}
        label="Reason for declining (the patient will read this)"
        hint="Say why in plain words, and what they should do instead, like booking an appointment."
        submitText="Decline and tell the patient"
        busyText="Declining…"
        warning
      />
    </div>
  );
}

interface PendingRequestProps {
  request: RepeatRequest;
  onApproved: (request: RepeatRequest, prescription: Prescription) => void;
  onDeclined: (request: RepeatRequest) => void;
}

/** One request waiting for a decision: approve it (signing with the authenticator code if asked) or decline it. */
function PendingRequest({ request, onApproved, onDeclined }: PendingRequestProps) {
  const api = useApi();
  const secondFactor = useSecondFactor();
  const form = useFormErrors();
  const [busy, setBusy] = useState<'approving' | 'confirming' | null>(null);
  const [declining, setDeclining] = useState(false);
  const codeId = `code-${request.id}`;
  const name = request.medicine.name;

  async function approve(step: 'approving' | 'confirming', attempt: (send: () => Promise<Prescription>) => Promise<Signing<Prescription>>) {
    if (busy) return;
    setBusy(step);
    try {
      const outcome = await attempt(() => api.post<Prescription>(API.approveRepeatRequest(request.id)));
      const approved = settleSigning(outcome, step === 'confirming' ? 'confirming' : 'first', form, codeId);
      if (approved) {
        setBusy(null);
        onApproved(request, approved);
        return;
      }
    } catch (error) {
      if (isApiProblem(error) && error.code === 'no_nominated_pharmacy') form.show({}, NO_PHARMACY);
      else form.showProblem(error);
    }
    setBusy(null);
  }

  return (
    <li className="card">
      <h3 className="card__title">{request.patient.name}</h3>
      <SummaryList
        rows={[
          { term: 'Patient', value: request.patient.name },
          { term: 'Medicine', value: medicineLabel(request.medicine) },
          { term: 'Asked', value: formatDateTime(request.requestedAt) },
          { term: 'Note from the patient', value: request.note ? <span className="reason-text">{request.note}</span> : 'No note.' },
        ]}
      />
      <ErrorSummary items={summaryItems(form.errors, [codeId], form.formError)} focusKey={form.attempt} id={`approve-${request.id}-errors`} />
      <div className="action-row">
        <button
          type="button"
          className="button"
          onClick={() => void approve('approving', (send) => secondFactor.sign(send))}
          aria-busy={busy === 'approving'}
          aria-disabled={busy !== null || undefined}
        >
          {busy === 'approving' ? 'Approving…' : `Approve repeat of ${name}`}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={declining}
          aria-controls={declining ? `decline-${request.id}` : undefined}
          onClick={() => setDeclining((d) => !d)}
        >
          Decline<span className="visually-hidden"> repeat of {name}</span>
        </button>
      </div>
      {secondFactor.asking && (
        <AuthenticatorCodeForm
          id={codeId}
          secondFactor={secondFactor}
          error={form.errors[codeId]}
          busy={busy === 'confirming'}
          onSubmit={(event) => {
            event.preventDefault();
            void approve('confirming', (send) => secondFactor.confirmAndSign(send));
          }}
        />
      )}
      {declining && <DeclineForm request={request} onDeclined={onDeclined} />}
    </li>
  );
}

function DecidedRequests({ requests }: { requests: RepeatRequest[] }) {
  return (
    <section aria-labelledby="decided-heading">
      <h2 id="decided-heading">Decided</h2>
      {requests.length === 0 ? (
        <p>You have not decided any repeat requests yet.</p>
      ) : (
        <ResponsiveTable id="decided-requests" caption="Repeat requests you have decided" captionHidden columns={['Patient', 'Medicine', 'Decision', 'Decided', 'Reason']}>
          {requests.map((request) => (
            <tr role="row" key={request.id}>
              <TableCell column="Patient" rowHeader>
                {request.patient.name}
              </TableCell>
              <TableCell column="Medicine">{medicineLabel(request.medicine)}</TableCell>
              <TableCell column="Decision">{DECISION_LABELS[request.status]}</TableCell>
              <TableCell column="Decided">{request.decidedAt ? formatDateTime(request.decidedAt) : 'Not recorded'}</TableCell>
              <TableCell column="Reason" className="reason-text">
                {request.decisionReason ?? 'None given'}
              </TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}

/**
 * Patients' requests for a repeat of a prescription, addressed to this clinician: those waiting for a decision
 * (approve, which signs a new prescription, or decline with a reason the patient reads), then those decided.
 */
export function RepeatRequestsPage() {
  const list = useLiveResource<RepeatRequestList>(API.clinicianRepeatRequests);
  const [done, setDone] = useState<{ text: string; at: number } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  // The card (and the button pressed) has gone: say what happened, and continue from there.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  function replace(updated: RepeatRequest) {
    list.update((l) => ({ requests: l.requests.map((r) => (r.id === updated.id ? updated : r)) }));
  }

  function handleApproved(request: RepeatRequest, prescription: Prescription) {
    replace({ ...request, status: 'approved', decidedAt: prescription.issuedAt, newPrescriptionId: prescription.id });
    void list.refresh();
    setDone({
      text: `Approved the repeat of ${medicineLabel(request.medicine)} for ${request.patient.name}. Sent to ${prescription.pharmacy.name}, ${prescription.pharmacy.postcode}.`,
      at: Date.now(),
    });
  }

  function handleDeclined(declined: RepeatRequest) {
    replace(declined);
    setDone({ text: `Declined the repeat of ${medicineLabel(declined.medicine)} for ${declined.patient.name}. They can read your reason.`, at: Date.now() });
  }

  return (
    <Page title="Repeat requests">
      {done && (
        <Notice kind="success">
          <p tabIndex={-1} ref={doneRef}>
            {done.text}
          </p>
        </Notice>
      )}
      <AsyncContent resource={list.resource} loadingText="Loading repeat requests…" failureText="Repeat requests could not be loaded." onRetry={list.reload}>
        {({ requests }) => {
          const pending = requests.filter((r) => r.status === 'requested');
          const decided = requests.filter((r) => r.status !== 'requested');
          return (
            <>
              <section aria-labelledby="pending-heading">
                <h2 id="pending-heading">Waiting for your decision</h2>
                {pending.length === 0 ? (
                  <p>No repeat requests are waiting for you.</p>
                ) : (
                  <ul className="card-list">
                    {pending.map((request) => (
                      <PendingRequest key={request.id} request={request} onApproved={handleApproved} onDeclined={handleDeclined} />
                    ))}
                  </ul>
                )}
              </section>
              <DecidedRequests requests={decided} />
            </>
          );
        }}
      </AsyncContent>
    </Page>
  );
}
