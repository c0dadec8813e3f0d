import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  API,
  type Appointment,
  type Consultation,
  type FormularyMedicine,
  type Prescription,
  type PrescriptionCheckResult,
  type PrescriptionItemRequest,
  type PrescriptionList,
} from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { ConsultationNotFound } from '../call/ConsultationNotFound';
import { AsyncContent } from '../components/AsyncContent';
import { CheckboxField } from '../components/CheckboxField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { RadioGroup } from '../components/RadioGroup';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList } from '../components/SummaryList';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { renameFields, summaryItems } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import { ALERT_SEVERITY_LABELS } from '../format/prescription-labels';
import { AuthenticatorCodeForm } from './AuthenticatorCodeForm';
import { ClinicalRecordSection } from './ClinicalRecordSection';
import { consultationNotesPath, patientDetailPath } from './clinician-paths';
import { ConsultationPrescriptions } from './ConsultationPrescriptions';
import { MedicineSearch } from './MedicineSearch';
import {
  alertReasonId,
  alertTextId,
  ANSWER_OPTIONS,
  blockingAlert,
  checkPrescriptionItem,
  doseCountUnit,
  EMPTY_PRESCRIPTION,
  issueRequest,
  PRESCRIBE_FIELD_IDS,
  PRESCRIBE_FIELDS,
  quantityHint,
  unitWord,
  type PrescribeValues,
} from './prescribe-form';
import { settleSigning, type Signing } from './second-factor';
import { useSecondFactor } from './use-second-factor';
import './prescribing.css';

const CODE_FIELD = 'authenticatorCode';

const NO_PHARMACY =
  'The patient has not chosen a pharmacy, so the prescription cannot be sent. Ask them to choose one under Pharmacy in their account, then sign and send again.';

/** A prescription as it was checked, and what the checks found. */
interface Checked {
  request: PrescriptionItemRequest;
  result: PrescriptionCheckResult;
}

const SERIOUS = new Set(['blocked', 'contraindicated', 'severe']);

interface AlertListProps {
  checked: Checked;
  /** Reasons by alert code, with their fields; none when the prescription is blocked and cannot be signed. */
  reasons: { values: Record<string, string>; onChange: (code: string, reason: string) => void; errors: Record<string, string> } | null;
}

/** The alerts, most severe first, each its severity in a word and its message, and a reason field where one is needed. */
function AlertList({ checked, reasons }: AlertListProps) {
  return (
    <ol className="alert-list">
      {checked.result.alerts.map((alert, index) => {
        const severity = ALERT_SEVERITY_LABELS[alert.severity];
        return (
          <li key={alert.code}>
            <p id={alertTextId(index)}>
              {SERIOUS.has(alert.severity) ? <strong className="tag tag--flush">{severity}</strong> : <strong>{severity}</strong>}{' '}
              {alert.message}
            </p>
            {reasons && alert.needsReason && alert.overridable && (
              <FormField id={alertReasonId(index)} label="Reason for going on despite this alert" error={reasons.errors[alertReasonId(index)]}>
                {(control) => (
                  <textarea
                    {...control}
                    aria-describedby={[alertTextId(index), control['aria-describedby']].filter(Boolean).join(' ')}
                    className={control['aria-invalid'] ? 'textarea input--error' : 'textarea'}
                    rows={2}
                    spellCheck
                    value={reasons.values[alert.code] ?? ''}
                    onChange={(event) => reasons.onChange(alert.code, event.target.value)}
                  />
                )}
              </FormField>
            )}
          </li>
        );
      })}
    </ol>
  );
}

interface PrescriptionFormProps {
  consultationId: string;
  form: FormErrors;
  onChecked: () => void;
  onSent: (prescription: Prescription) => void;
}

function PrescriptionForm({ consultationId, form, onChecked, onSent }: PrescriptionFormProps) {
  const api = useApi();
  const secondFactor = useSecondFactor();
  const [values, setValues] = useState<PrescribeValues>(EMPTY_PRESCRIPTION);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'checking' | 'signing' | 'confirming' | null>(null);
  const [checks, setChecks] = useState(0);
  const alertsHeading = useRef<HTMLHeadingElement>(null);

  // Once the checks answer, continue from the alerts.
  useEffect(() => {
    if (checks > 0) alertsHeading.current?.focus();
  }, [checks]);

  /** Any change to the prescription means the checks must run again before it can be signed. */
  function change(next: (v: PrescribeValues) => PrescribeValues) {
    setValues(next);
    if (checked) {
      setChecked(null);
      secondFactor.reset();
    }
  }
  const set = (name: Exclude<keyof PrescribeValues, 'medicine' | 'repeatable'>) => (value: string) => change((v) => ({ ...v, [name]: value }));

  function chooseMedicine(medicine: FormularyMedicine | null) {
    change((v) => ({ ...v, medicine, repeatable: medicine?.repeatable ? v.repeatable : false }));
  }

  async function runChecks(request: PrescriptionItemRequest): Promise<PrescriptionCheckResult> {
    const result = await api.post<PrescriptionCheckResult>(API.prescriptionChecks(consultationId), request);
    setChecked({ request, result });
    return result;
  }

  async function handleCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const item = checkPrescriptionItem(values);
    if (!item.ok) {
      form.show(item.errors);
      return;
    }
    setBusy('checking');
    try {
      await runChecks(item.request);
      form.clear();
      secondFactor.reset();
      onChecked();
      setChecks((n) => n + 1);
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, PRESCRIBE_FIELD_IDS));
      else form.showProblem(error);
    }
    setBusy(null);
  }

  async function signFailed(error: unknown) {
    const code = isApiProblem(error) ? error.code : undefined;
    if (code === 'no_nominated_pharmacy') {
      form.show({}, NO_PHARMACY);
    } else if ((code === 'alert_reason_required' || code === 'prescription_blocked') && checked) {
      // The patient's record may have changed since the check: show what the checks find now.
      await runChecks(checked.request).catch(() => undefined);
      form.show({}, `${problemMessage(error)} The prescription has been checked again: read the alerts before you sign.`);
    } else if (isApiProblem(error) && error.hasFieldErrors) {
      form.show(renameFields(error.fieldErrors, PRESCRIBE_FIELD_IDS));
    } else {
      form.showProblem(error);
    }
  }

  async function sign(step: 'signing' | 'confirming', attempt: (send: () => Promise<Prescription>) => Promise<Signing<Prescription>>) {
    if (busy || !checked) return;
    const issue = issueRequest(checked.request, values.repeatable, checked.result.alerts, reasons);
    if (!issue.ok) {
      form.show(issue.errors);
      return;
    }
    setBusy(step);
    try {
      const outcome = await attempt(() => api.post<Prescription>(API.consultationPrescriptions(consultationId), issue.request));
      const sent = settleSigning(outcome, step === 'confirming' ? 'confirming' : 'first', form, CODE_FIELD);
      if (sent) {
        setValues(EMPTY_PRESCRIPTION);
        setChecked(null);
        setReasons({});
        onSent(sent);
      }
    } catch (error) {
      await signFailed(error);
    }
    setBusy(null);
  }

  function handleSign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void sign('signing', (send) => secondFactor.sign(send));
  }

  function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void sign('confirming', (send) => secondFactor.confirmAndSign(send));
  }

  const unit = values.medicine ? doseCountUnit(values.medicine) : null;
  const eachCount = Number(values.dosesPerTime) || 2;
  const blocked = checked ? blockingAlert(checked.result.alerts) : undefined;
  const reasonFields = {
    values: reasons,
    onChange: (code: string, reason: string) => setReasons((r) => ({ ...r, [code]: reason })),
    errors: form.errors,
  };

  return (
    <>
      <section aria-labelledby="new-prescription-heading">
        <h2 id="new-prescription-heading">New prescription</h2>
        <form onSubmit={handleCheck} noValidate className="form">
          <MedicineSearch
            id="medicine"
            hint="Type at least 2 letters of its name, then choose it from the list."
            value={values.medicine}
            onChange={chooseMedicine}
            error={form.errors.medicine}
          />
          <TextField
            id="dosesPerTime"
            label="How many each time"
            hint={
              unit
                ? `The number of ${unitWord(unit, 2)} to take each time, like ${unit === 'ml' ? '5 or 10' : '1 or 2'}.`
                : 'The number of tablets, capsules, ml or puffs to take each time.'
            }
            inputMode="decimal"
            autoComplete="off"
            widthClass="input--6"
            value={values.dosesPerTime}
            onChange={set('dosesPerTime')}
            error={form.errors.dosesPerTime}
            after={
              unit && (
                <span className="input-suffix" aria-hidden="true">
                  {unitWord(unit, eachCount)}
                </span>
              )
            }
          />
          <TextField
            id="timesPerDay"
            label="Times a day"
            hint="Like 3 for three times a day."
            inputMode="numeric"
            autoComplete="off"
            widthClass="input--6"
            value={values.timesPerDay}
            onChange={set('timesPerDay')}
            error={form.errors.timesPerDay}
          />
          <TextField
            id="durationDays"
            label="For how many days"
            hint="Like 7."
            inputMode="numeric"
            autoComplete="off"
            widthClass="input--6"
            value={values.durationDays}
            onChange={set('durationDays')}
            error={form.errors.durationDays}
            after={
              <span className="input-suffix" aria-hidden="true">
                days
              </span>
            }
          />
          <TextField
            id="quantity"
            label="Quantity to supply"
            hint={quantityHint(values)}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input--6"
            value={values.quantity}
            onChange={set('quantity')}
            error={form.errors.quantity}
          />
          <TextAreaField
            id="instructions"
            label="Instructions for the label"
            hint="Printed on the label for the patient, like “Take one capsule three times a day until finished”."
            rows={3}
            spellCheck
            value={values.instructions}
            onChange={set('instructions')}
            error={form.errors.instructions}
          />
          <RadioGroup
            id="pregnant"
            legend="Is the patient pregnant?"
            value={values.pregnant}
            onChange={(answer) => change((v) => ({ ...v, pregnant: answer }))}
            options={ANSWER_OPTIONS}
            error={form.errors.pregnant}
          />
          <RadioGroup
            id="breastfeeding"
            legend="Is the patient breastfeeding?"
            value={values.breastfeeding}
            onChange={(answer) => change((v) => ({ ...v, breastfeeding: answer }))}
            options={ANSWER_OPTIONS}
            error={form.errors.breastfeeding}
          />
          {values.medicine?.repeatable && (
            <CheckboxField
              id="repeatable"
              label="Allow repeats"
              checked={values.repeatable}
              onChange={(repeatable) => change((v) => ({ ...v, repeatable }))}
            />
          )}
          <SubmitButton busy={busy === 'checking'} busyText="Checking…">
            Check prescription
          </SubmitButton>
        </form>
      </section>

      {checked && (
        <section aria-labelledby="alerts-heading" className="result-region">
          <h2 id="alerts-heading" tabIndex={-1} ref={alertsHeading}>
            Alerts
          </h2>
          {checked.result.alerts.length === 0 && <p>No alerts.</p>}
          {blocked ? (
            <>
              <AlertList checked={checked} reasons={null} />
              <p id="blocked-explanation">
                <strong>This medicine cannot be prescribed remotely, so you cannot sign this prescription.</strong> Arrange a
                face-to-face review, or choose another medicine.
              </p>
              <button type="button" className="button" disabled aria-describedby="blocked-explanation">
                Sign and send
              </button>
            </>
          ) : (
            <form onSubmit={handleSign} noValidate className="form">
              {checked.result.alerts.length > 0 && <AlertList checked={checked} reasons={reasonFields} />}
              <SubmitButton busy={busy === 'signing'} busyText="Signing and sending…">
                Sign and send
              </SubmitButton>
            </form>
          )}
          {secondFactor.asking && !blocked && (
            <AuthenticatorCodeForm
              id={CODE_FIELD}
              secondFactor={secondFactor}
              error={form.errors[CODE_FIELD]}
              busy={busy === 'confirming'}
              onSubmit={handleConfirm}
            />
          )}
        </section>
      )}
    </>
  );
}

/** The error summary's links, in the order the fields appear: the prescription, then the alerts' reasons, then the code. */
function fieldOrder(errors: Record<string, string>): string[] {
  const reasons = Object.keys(errors)
    .filter((id) => /^alert-\d+-reason$/.test(id))
    .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
  return [...PRESCRIBE_FIELDS, ...reasons, CODE_FIELD];
}

function SentNotice({ prescription }: { prescription: Prescription }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [prescription.id]);

  return (
    <Notice kind="success">
      <h2 tabIndex={-1} ref={heading}>
        Prescription sent
      </h2>
      <p>
        Sent to {prescription.pharmacy.name}, {prescription.pharmacy.postcode}.
      </p>
      <p>
        Prescription token: <code className="break-anywhere">{prescription.token}</code>
      </p>
    </Notice>
  );
}

/** The patient's allergies and current medicines, found through the consultation's appointment. */
function PatientRecord({ consultation }: { consultation: Consultation }) {
  const appointment = useApiResource<Appointment>(API.appointment(consultation.appointmentId));
  return (
    <AsyncContent
      resource={appointment.resource}
      loadingText="Loading the patient's allergies and current medicines…"
      failureText="The patient's allergies and current medicines could not be loaded."
      onRetry={appointment.reload}
    >
      {({ patient }) => (
        <>
          <ClinicalRecordSection patientId={patient.id} readOnly />
          <p>
            <Link to={patientDetailPath(patient.id)}>Change allergies or current medicines for {consultation.patient.name}</Link>
          </p>
        </>
      )}
    </AsyncContent>
  );
}

function Prescribing({ consultation, form }: { consultation: Consultation; form: FormErrors }) {
  const list = useApiResource<PrescriptionList>(API.consultationPrescriptions(consultation.id));
  const [sent, setSent] = useState<Prescription | null>(null);

  function handleSent(prescription: Prescription) {
    setSent(prescription);
    if (list.resource.status === 'loaded') list.update((l) => ({ prescriptions: [prescription, ...l.prescriptions] }));
    else list.reload();
  }

  return (
    <>
      {sent && <SentNotice prescription={sent} />}
      <SummaryList rows={[{ term: 'Patient', value: consultation.patient.name }]} />
      <PatientRecord consultation={consultation} />
      <PrescriptionForm consultationId={consultation.id} form={form} onChecked={() => setSent(null)} onSent={handleSent} />
      <ConsultationPrescriptions list={list} />
    </>
  );
}

/**
 * Prescribing in a consultation: the patient's allergies and current medicines, the prescription, the checks
 * (which must run again after any change), signing with the prescriber's authenticator code, and the prescriptions
 * written so far. Only the consultation's own clinician can open it; anyone else gets "not found".
 */
export function PrescribePage() {
  const { consultationId = '' } = useParams();
  const form = useFormErrors();
  const consultation = useApiResource<Consultation>(API.consultation(consultationId));

  const { resource } = consultation;
  if (resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404) {
    return <ConsultationNotFound role="clinician" />;
  }

  return (
    <Page title="Prescribe" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, fieldOrder(form.errors), form.formError)} focusKey={form.attempt} />
      <AsyncContent
        resource={resource}
        loadingText="Loading the consultation…"
        failureText="The consultation could not be loaded."
        onRetry={consultation.reload}
      >
        {(loaded) => <Prescribing consultation={loaded} form={form} />}
      </AsyncContent>
      <p>
        <Link to={consultationNotesPath(consultationId)}>
          {resource.status === 'loaded' ? `Back to the notes for ${resource.data.patient.name}` : 'Back to the consultation notes'}
        </Link>
      </p>
    </Page>
  );
}
