import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import { API, type Prescription } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useLiveResource } from '../api/use-live-resource';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import { formatCalendarDate, formatLongDateTime } from '../format/date-format';
import { displayNhsNumber } from '../format/patient-format';
import { ALERT_SEVERITY_LABELS, medicineLabel, PRESCRIPTION_STATUS_LABELS } from '../format/prescription-labels';
import { PHARMACY_PRESCRIPTIONS_PATH } from './pharmacist-paths';
import {
  canDispense,
  canMarkCollected,
  checkQuantitySupplied,
  closedText,
  dispensedText,
  formatQuantity,
  quantityInputValue,
  remainingQuantity,
  suppliedQuantity,
} from './prescription-dispensing';
import { doseText, prescriberText, signatureProblemText, signedByText } from './prescription-text';

const QUANTITY_FIELD = 'quantity';
const FIELDS = [QUANTITY_FIELD] as const;

function BackLink() {
  return (
    <p>
      <Link to={PHARMACY_PRESCRIPTIONS_PATH}>Back to prescriptions</Link>
    </p>
  );
}

function PrescriptionNotFound() {
  return (
    <Page title="Prescription not found">
      <p>We could not find this prescription among those sent to your pharmacy.</p>
      <BackLink />
    </Page>
  );
}

/** First on the page: whether the prescriber's signature checks out, as the server found it just now. */
function SignatureBanner({ prescription }: { prescription: Prescription }) {
  if (prescription.signature?.valid) {
    return (
      <Notice kind="success">
        <h2>Signature verified</h2>
        <p>{signedByText(prescription)}</p>
      </Notice>
    );
  }
  return (
    <div className="notice notice--error" role="alert">
      <h2>Signature invalid — do not dispense</h2>
      <p>{signatureProblemText(prescription)}</p>
    </div>
  );
}

function severityLabel(severity: string): string {
  return ALERT_SEVERITY_LABELS[severity as keyof typeof ALERT_SEVERITY_LABELS] ?? severity;
}

function OverriddenAlerts({ alerts }: { alerts: NonNullable<Prescription['overriddenAlerts']> }) {
  return (
    <ul className="list">
      {alerts.map((alert) => (
        <li key={alert.code}>
          <strong>{severityLabel(alert.severity)}:</strong> {alert.message}
          <span className="block">Reason for going on: {alert.reason}</span>
        </li>
      ))}
    </ul>
  );
}

function detailRows(prescription: Prescription): SummaryRow[] {
  const rows: SummaryRow[] = [
    { term: 'Patient', value: prescription.patient.name },
    { term: 'Date of birth', value: formatCalendarDate(prescription.patient.dateOfBirth) },
    { term: 'NHS number', value: displayNhsNumber(prescription.patient.nhsNumber, 'Not recorded') },
    { term: 'Medicine', value: medicineLabel(prescription.medicine) },
    { term: 'Dose', value: doseText(prescription) },
    { term: 'Quantity prescribed', value: formatQuantity(prescription.quantity) },
  ];
  if (prescription.dispensedQuantity !== null) {
    rows.push({ term: 'Supplied so far', value: `${formatQuantity(suppliedQuantity(prescription))} of ${formatQuantity(prescription.quantity)}` });
  }
  rows.push(
    { term: 'Instructions', value: prescription.instructions },
    { term: 'Prescription reference', value: <span className="break-anywhere">{prescription.token}</span> },
    { term: 'Prescriber', value: prescriberText(prescription) },
    { term: 'Issued', value: <time dateTime={prescription.issuedAt}>{formatLongDateTime(prescription.issuedAt)}</time> },
    { term: 'Expires', value: <time dateTime={prescription.expiresAt}>{formatLongDateTime(prescription.expiresAt)}</time> },
    { term: 'Status', value: PRESCRIPTION_STATUS_LABELS[prescription.status] },
  );
  if (prescription.cancelReason) rows.push({ term: 'Reason for cancelling', value: prescription.cancelReason });
  if (prescription.collectedAt) {
    rows.push({ term: 'Collected', value: <time dateTime={prescription.collectedAt}>{formatLongDateTime(prescription.collectedAt)}</time> });
  }
  if (prescription.overriddenAlerts && prescription.overriddenAlerts.length > 0) {
    rows.push({ term: 'Alerts overridden by the prescriber', value: <OverriddenAlerts alerts={prescription.overriddenAlerts} /> });
  }
  return rows;
}

type Action = 'dispense' | 'collect';

interface DispensingProps {
  prescription: Prescription;
  form: FormErrors;
  busy: Action | null;
  /** What is typed in "Quantity supplied"; starts as the quantity still to supply. */
  quantity: string;
  onQuantityChange: (value: string) => void;
  onDispense: (event: FormEvent<HTMLFormElement>) => void;
  onCollect: () => void;
  /** Takes focus after dispensing or collecting, as the button pressed may have gone. */
  outcomeRef: RefObject<HTMLDivElement | null>;
}

/** What has been supplied so far, the dispense form while there is more to supply, and "Mark as collected". */
function Dispensing({ prescription, form, busy, quantity, onQuantityChange, onDispense, onCollect, outcomeRef }: DispensingProps) {
  const dispensed = dispensedText(prescription);
  const closed = closedText(prescription);
  const dispensable = canDispense(prescription);
  const collectable = canMarkCollected(prescription);
  const remaining = remainingQuantity(prescription);

  return (
    <section aria-labelledby="dispensing-heading">
      <h2 id="dispensing-heading">Dispensing</h2>
      <div ref={outcomeRef} tabIndex={-1}>
        {dispensed && (
          <Notice kind="success">
            <p>{dispensed}</p>
          </Notice>
        )}
        {closed && (
          <Notice>
            <p>{closed}</p>
          </Notice>
        )}
      </div>
      {!prescription.signature?.valid && !closed && <p>Do not dispense this prescription. Ask the prescriber to issue it again.</p>}
      {dispensable && (
        <form onSubmit={onDispense} noValidate className="form">
          <TextField
            id={QUANTITY_FIELD}
            label="Quantity supplied"
            hint={`${formatQuantity(remaining)} still to supply, of ${formatQuantity(prescription.quantity)} prescribed. If you supply less, you can dispense the rest later.`}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            widthClass="input--10"
            value={quantity}
            onChange={onQuantityChange}
            error={form.errors[QUANTITY_FIELD]}
          />
          <SubmitButton busy={busy === 'dispense'} busyText="Dispensing…">
            Dispense
          </SubmitButton>
        </form>
      )}
      {collectable && (
        <p>
          <button
            type="button"
            className={dispensable ? 'button button--secondary' : 'button'}
            onClick={onCollect}
            aria-busy={busy === 'collect'}
            aria-disabled={busy !== null || undefined}
          >
            {busy === 'collect' ? 'Marking as collected…' : 'Mark as collected'}
          </button>
        </p>
      )}
    </section>
  );
}

/** What makes the typed quantity out of date: another supply, or a change of status. */
function dispensingKey(prescription: Prescription): string {
  return `${prescription.id}:${prescription.status}:${prescription.dispensedQuantity ?? 0}`;
}

/**
 * One prescription sent to the pharmacy: the signature check first, then the prescription, then dispensing it
 * (in full or in part) and marking it as collected. Opening one that was issued marks it received (on the server).
 */
export function PharmacyPrescriptionPage() {
  const { prescriptionId = '' } = useParams();
  const api = useApi();
  const form = useFormErrors();
  const { resource, reload, replace, refresh } = useLiveResource<Prescription>(API.prescription(prescriptionId));
  const [busy, setBusy] = useState<Action | null>(null);
  // The field starts as the quantity still to supply, and starts again whenever that changes.
  const [draft, setDraft] = useState<{ key: string; value: string } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [focusOutcome, setFocusOutcome] = useState(0);

  useEffect(() => {
    if (focusOutcome > 0) outcomeRef.current?.focus();
  }, [focusOutcome]);

  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) return <PrescriptionNotFound />;

  const prescription = resource.status === 'loaded' ? resource.data : null;
  const key = prescription ? dispensingKey(prescription) : '';
  const quantity = prescription && draft?.key !== key ? quantityInputValue(remainingQuantity(prescription)) : (draft?.value ?? '');

  function done(updated: Prescription) {
    form.clear();
    replace(updated);
    setFocusOutcome((n) => n + 1);
  }

  function failed(error: unknown) {
    if (isApiProblem(error) && error.code === 'signature_invalid') {
      form.show({}, `Do not dispense this prescription: its signature is not valid. ${error.detail ?? ''}`.trim());
    } else {
      form.showProblem(error);
    }
    // It may have changed meanwhile (cancelled, expired, dispensed elsewhere): show it as it is now.
    void refresh();
  }

  async function dispense(current: Prescription) {
    const checked = checkQuantitySupplied(quantity, remainingQuantity(current));
    if (!checked.ok) {
      form.show({ [QUANTITY_FIELD]: checked.error });
      return;
    }
    setBusy('dispense');
    try {
      done(await api.post<Prescription>(API.dispensePrescription(current.id), { quantity: checked.quantity }));
    } catch (error) {
      failed(error);
    }
    setBusy(null);
  }

  async function collect(current: Prescription) {
    setBusy('collect');
    try {
      done(await api.post<Prescription>(API.collectPrescription(current.id), {}));
    } catch (error) {
      failed(error);
    }
    setBusy(null);
  }

  function handleDispense(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (prescription && !busy) void dispense(prescription);
  }

  function handleCollect() {
    if (prescription && !busy) void collect(prescription);
  }

  return (
    <Page title={prescription ? `Prescription for ${prescription.patient.name}` : 'Prescription'} hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      {resource.status === 'loading' && <Loading>Loading the prescription…</Loading>}
      {resource.status === 'failed' && <LoadFailed what="The prescription could not be loaded." error={resource.error} onRetry={reload} />}
      {prescription && (
        <>
          <SignatureBanner prescription={prescription} />
          <SummaryList rows={detailRows(prescription)} />
          <Dispensing
            prescription={prescription}
            form={form}
            busy={busy}
            quantity={quantity}
            onQuantityChange={(value) => setDraft({ key, value })}
            onDispense={handleDispense}
            onCollect={handleCollect}
            outcomeRef={outcomeRef}
          />
        </>
      )}
      <BackLink />
    </Page>
  );
}
