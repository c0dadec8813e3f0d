import { useRef, useState } from 'react';
import { API, CancelPrescriptionRequest, type Prescription, type PrescriptionList } from '@confide/contract';
import { ApiProblem, isApiProblem } from '../api/api-problem';
import type { ApiResource } from '../api/use-api-resource';
import { useApi } from '../api/use-api';
import { useReasonForm } from '../forms/use-reason-form';
import { AsyncContent } from '../components/AsyncContent';
import { Notice } from '../components/Notice';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { formatDateTime } from '../format/date-format';
import { medicineLabel, PRESCRIPTION_STATUS_LABELS } from '../format/prescription-labels';
import { signatureProblemText } from '../pharmacist/prescription-text';
import { doseText } from './prescribe-form';
import { ReasonDisclosure } from '../components/ReasonDisclosure';
import { ReasonFormFields } from '../components/ReasonFormFields';

/** Statuses a prescriber may still cancel: the pharmacy has not dispensed it yet. */
const CANCELLABLE: readonly Prescription['status'][] = ['issued', 'received'];

const CANNOT_CANCEL = 'The pharmacy has already dispensed this prescription, so it cannot be cancelled. Contact the pharmacy.';

function CancelPrescriptionForm({ prescription, onCancelled }: { prescription: Prescription; onCancelled: (p: Prescription) => void }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const formId = `cancel-${prescription.id}`;
  const fieldId = `cancel-reason-${prescription.id}`;
  const form = useReasonForm<Prescription>({
    fieldId,
    apiField: 'reason',
    schema: CancelPrescriptionRequest.shape.reason,
    send: async (reason) => {
      try {
        return await api.post<Prescription>(API.cancelPrescription(prescription.id), { reason });
      } catch (error) {
        if (isApiProblem(error) && error.status === 409) {
          throw new ApiProblem({ type: 'about:blank', title: error.title, status: 409, code: error.code, detail: CANNOT_CANCEL });
        }
        throw error;
      }
    },
    onDone: (cancelled) => {
      setOpen(false);
      onCancelled(cancelled);
    },
  });

  return (
    <ReasonDisclosure id={formId} fieldId={fieldId} open={open} onToggle={() => setOpen((o) => !o)} label="Cancel" context={`${prescription.medicine.name} prescription`}>
      <ReasonFormFields
        form={form}
        fieldId={fieldId}
        summaryId={`${formId}-errors`}
        label="Reason for cancelling"
        hint="It is kept with the prescription, and the pharmacy can no longer dispense it."
        submitText="Yes, cancel it"
        busyText="Cancelling…"
        warning
      />
    </ReasonDisclosure>
  );
}

/** The signature no longer checks out (its key was revoked, say): the pharmacy will not dispense it. */
function InvalidSignature({ prescription }: { prescription: Prescription }) {
  return (
    <div className="notice notice--error">
      <p>
        <strong>Signature invalid:</strong> {signatureProblemText(prescription)}
      </p>
      <p>The pharmacy cannot dispense it. If the patient still needs it, prescribe it again.</p>
    </div>
  );
}

function PrescriptionCard({ prescription, onCancelled }: { prescription: Prescription; onCancelled: (p: Prescription) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [cancelled, setCancelled] = useState(false);
  const headingId = `prescription-${prescription.id}-heading`;
  const rows: SummaryRow[] = [
    { term: 'Status', value: PRESCRIPTION_STATUS_LABELS[prescription.status] },
    { term: 'Dose', value: doseText(prescription) },
    { term: 'Quantity', value: String(prescription.quantity) },
    { term: 'Instructions', value: <span className="reason-text">{prescription.instructions}</span> },
    { term: 'Repeats', value: prescription.repeatable ? 'Allowed' : 'Not allowed' },
    { term: 'Pharmacy', value: `${prescription.pharmacy.name}, ${prescription.pharmacy.postcode}` },
    { term: 'Sent', value: formatDateTime(prescription.issuedAt) },
    { term: 'Token', value: <code className="break-anywhere">{prescription.token}</code> },
  ];
  if (prescription.cancelReason) rows.push({ term: 'Reason for cancelling', value: <span className="reason-text">{prescription.cancelReason}</span> });

  return (
    <li className="card">
      <h3 className="card__title" id={headingId} tabIndex={-1} ref={heading}>
        {medicineLabel(prescription.medicine)}
      </h3>
      {prescription.signature?.valid === false && <InvalidSignature prescription={prescription} />}
      <SummaryList rows={rows} />
      {cancelled && <Notice kind="success">Prescription cancelled.</Notice>}
      {CANCELLABLE.includes(prescription.status) && (
        <CancelPrescriptionForm
          prescription={prescription}
          onCancelled={(updated) => {
            setCancelled(true);
            onCancelled(updated);
            // The form and its button have gone: carry on from this prescription's heading.
            heading.current?.focus();
          }}
        />
      )}
    </li>
  );
}

/** The prescriptions written in one consultation, newest first, each with where it has got to and a way to cancel it. */
export function ConsultationPrescriptions({ list }: { list: ApiResource<PrescriptionList> }) {
  return (
    <section aria-labelledby="consultation-prescriptions-heading">
      <h2 id="consultation-prescriptions-heading">Prescriptions from this consultation</h2>
      <AsyncContent
        resource={list.resource}
        loadingText="Loading the prescriptions…"
        failureText="The prescriptions from this consultation could not be loaded."
        onRetry={list.reload}
      >
        {({ prescriptions }) =>
          prescriptions.length === 0 ? (
            <p>No prescriptions from this consultation yet.</p>
          ) : (
            <ul className="card-list">
              {[...prescriptions]
                .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
                .map((prescription) => (
                  <PrescriptionCard
                    key={prescription.id}
                    prescription={prescription}
                    onCancelled={(updated) =>
                      list.update((l) => ({ prescriptions: l.prescriptions.map((p) => (p.id === updated.id ? updated : p)) }))
                    }
                  />
                ))}
            </ul>
          )
        }
      </AsyncContent>
    </section>
  );
}
