import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  API,
  CONSULTATION_OUTCOMES,
  ConsultationNotes,
  type Consultation,
  type SavedConsultationNotes,
} from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { readNotesState } from '../call/call-ended-state';
import { callPath } from '../call/call-paths';
import { ConsultationNotFound } from '../call/ConsultationNotFound';
import { AsyncContent } from '../components/AsyncContent';
import { CheckboxGroup, type CheckboxOption } from '../components/CheckboxGroup';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList } from '../components/SummaryList';
import { TextAreaField } from '../components/TextAreaField';
import { fieldErrorsFromIssues, summaryItems, type FieldErrors } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import { MODE_LABELS } from '../format/appointment-labels';
import { CLINIC_TIME, formatDateAndTime } from '../format/clinic-time';
import { replayBasePath, replayPath } from '../recordings/replay-paths';
import type { ReplayLinkState } from '../recordings/replay-route-state';
import { CLINICIAN_DAY_PATH, consultationNotesPath, prescribePath } from './clinician-paths';

type Outcome = (typeof CONSULTATION_OUTCOMES)[number];
type SoapSection = 'subjective' | 'objective' | 'assessment' | 'plan';

const FIELDS = ['subjective', 'objective', 'assessment', 'plan', 'outcomes', 'patientSummary'] as const;

const SOAP: readonly { id: SoapSection; label: string; hint: string }[] = [
  { id: 'subjective', label: 'Subjective', hint: 'What the patient tells you: their symptoms, concerns and history.' },
  { id: 'objective', label: 'Objective', hint: 'What you observed or measured: examination findings, observations and results.' },
  { id: 'assessment', label: 'Assessment', hint: 'Your clinical impression or diagnosis.' },
  { id: 'plan', label: 'Plan', hint: 'What happens next: treatment, prescriptions, referrals, advice and follow-up.' },
];

const OUTCOME_OPTIONS: readonly CheckboxOption<Outcome>[] = [
  { value: 'advice', label: 'Advice' },
  { value: 'prescription', label: 'Prescription' },
  { value: 'referral', label: 'Referral' },
  { value: 'follow-up', label: 'Follow-up' },
];

function notesOf(saved: SavedConsultationNotes): ConsultationNotes {
  const { subjective, objective, assessment, plan, outcomes, patientSummary } = saved;
  return { subjective, objective, assessment, plan, outcomes, patientSummary };
}

/** The API names list items by position (`outcomes.0`): the form shows them on the field as a whole. */
function byField(errors: FieldErrors): FieldErrors {
  const fields: FieldErrors = {};
  for (const [name, message] of Object.entries(errors)) fields[name.split('.')[0] ?? name] ??= message;
  return fields;
}

interface NotesFormProps {
  consultationId: string;
  saved: SavedConsultationNotes;
  form: FormErrors;
  onSaved: (saved: SavedConsultationNotes) => void;
}

function NotesForm({ consultationId, saved, form, onSaved }: NotesFormProps) {
  const api = useApi();
  const [values, setValues] = useState<ConsultationNotes>(() => notesOf(saved));
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const shared = saved.patientSummary.trim() !== '';

  function change<K extends keyof ConsultationNotes>(name: K, value: ConsultationNotes[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    setJustSaved(false);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setJustSaved(false);
    const checked = ConsultationNotes.safeParse(values);
    if (!checked.success) {
      form.show(byField(fieldErrorsFromIssues(checked.error.issues)));
      return;
    }
    setBusy(true);
    try {
      const { data } = await api.put<SavedConsultationNotes>(API.consultationNotes(consultationId), checked.data);
      form.clear();
      setValues(notesOf(data));
      setJustSaved(true);
      onSaved(data);
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(byField(error.fieldErrors));
      else form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      {SOAP.map((section) => (
        <TextAreaField
          key={section.id}
          id={section.id}
          label={section.label}
          hint={section.hint}
          rows={5}
          value={values[section.id]}
          onChange={(value) => change(section.id, value)}
          error={form.errors[section.id]}
        />
      ))}
      <CheckboxGroup
        id="outcomes"
        legend="Outcome"
        hint="Choose all that apply."
        values={values.outcomes}
        onChange={(outcomes) => change('outcomes', outcomes)}
        options={OUTCOME_OPTIONS}
        error={form.errors.outcomes}
      />
      <TextAreaField
        id="patientSummary"
        label="Summary for the patient"
        hint={
          <>
            <p>Shared with the patient when you save. Leave it empty to share nothing. Write in plain English.</p>
            {shared && <p>The patient can already see the summary saved last. If you change it, they see the new one once you save.</p>}
          </>
        }
        rows={6}
        value={values.patientSummary}
        onChange={(value) => change('patientSummary', value)}
        error={form.errors.patientSummary}
      />
      {justSaved && (
        <Notice kind="success">
          <p>Notes saved.</p>
        </Notice>
      )}
      <SubmitButton busy={busy} busyText="Saving notes…">
        Save notes
      </SubmitButton>
      {saved.updatedAt && <p className="secondary-text">Last saved {formatDateAndTime(saved.updatedAt)} ({CLINIC_TIME}).</p>}
    </form>
  );
}

/** Once the consultation has ended, its recording can be played (if it was recorded: the player says if not). */
function PlayRecordingLink({ consultation }: { consultation: Consultation }) {
  const state: ReplayLinkState = {
    back: { path: consultationNotesPath(consultation.id), label: `Back to the notes for ${consultation.patient.name}` },
    clinicianName: consultation.clinician.name,
  };
  return (
    <p>
      <Link to={replayPath(replayBasePath('clinician'), consultation.id)} state={state}>
        Play the recording
      </Link>
    </p>
  );
}

function ConsultationFacts({ consultation }: { consultation: Consultation }) {
  return (
    <SummaryList
      rows={[
        { term: 'Patient', value: consultation.patient.name },
        { term: 'How', value: MODE_LABELS[consultation.mode] },
        { term: 'Started', value: `${formatDateAndTime(consultation.startedAt)} (${CLINIC_TIME})` },
        { term: 'Ended', value: consultation.endedAt ? `${formatDateAndTime(consultation.endedAt)} (${CLINIC_TIME})` : 'In progress' },
      ]}
    />
  );
}

/**
 * The clinician's notes on one consultation (SOAP), its outcome, and a summary shared with the patient. Only the
 * consultation's own clinician can open it; anyone else gets "not found".
 */
export function ConsultationNotesPage() {
  const { consultationId = '' } = useParams();
  const location = useLocation();
  const justEnded = readNotesState(location.state) !== null;
  const form = useFormErrors();
  const consultation = useApiResource<Consultation>(API.consultation(consultationId));
  const notes = useApiResource<SavedConsultationNotes>(API.consultationNotes(consultationId));

  const notFound = [consultation.resource, notes.resource].some(
    (resource) => resource.status === 'failed' && isApiProblem(resource.error) && resource.error.status === 404,
  );
  if (notFound) return <ConsultationNotFound role="clinician" />;

  const title = consultation.resource.status === 'loaded' ? `Notes: ${consultation.resource.data.patient.name}` : 'Notes';

  return (
    <Page title={title} hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      {justEnded && (
        <Notice kind="success">
          <p>The consultation has ended and the appointment is marked completed.</p>
        </Notice>
      )}
      <AsyncContent
        resource={consultation.resource}
        loadingText="Loading the consultation…"
        failureText="The consultation could not be loaded."
        onRetry={consultation.reload}
      >
        {(loaded) => (
          <>
            <ConsultationFacts consultation={loaded} />
            <p>
              <Link to={prescribePath(loaded.id)}>Prescribe a medicine</Link>
            </p>
            {!loaded.endedAt && (
              <p>
                <Link to={callPath('clinician', loaded.id)}>Join the call with {loaded.patient.name}</Link>
              </p>
            )}
            {loaded.endedAt && <PlayRecordingLink consultation={loaded} />}
            <AsyncContent resource={notes.resource} loadingText="Loading your notes…" failureText="Your notes could not be loaded." onRetry={notes.reload}>
              {(saved) => <NotesForm consultationId={loaded.id} saved={saved} form={form} onSaved={(data) => notes.update(() => data)} />}
            </AsyncContent>
          </>
        )}
      </AsyncContent>
      <p>
        <Link to={CLINICIAN_DAY_PATH}>Back to your day</Link>
      </p>
    </Page>
  );
}
