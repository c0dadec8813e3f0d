import type { FormEvent } from 'react';
import { RadioGroup } from '../components/RadioGroup';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import type { FieldErrors } from '../forms/field-errors';
import type { Sex } from './triage-chat';
import { MAX_DESCRIPTION, type StartDraft } from './triage-start';

const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
] as const;

interface TriageStartFormProps {
  draft: StartDraft;
  onChange: (draft: StartDraft) => void;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** The symptom checker's first step: what is wrong in the patient's own words, their age and sex at birth. */
export function TriageStartForm({ draft, onChange, errors, busy, onSubmit }: TriageStartFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <TextAreaField
        id="symptoms"
        label="Describe what is wrong, in your own words"
        hint={'For example, "sore throat and a temperature for 3 days, no cough". Say how long it has been going on.'}
        value={draft.text}
        onChange={(text) => onChange({ ...draft, text })}
        error={errors.symptoms}
        maxLength={MAX_DESCRIPTION}
        rows={4}
        spellCheck
      />
      <TextField
        id="age"
        label="Age"
        hint="In years. For a baby under 1, enter 0."
        inputMode="numeric"
        autoComplete="off"
        widthClass="input--6"
        value={draft.age}
        onChange={(age) => onChange({ ...draft, age })}
        error={errors.age}
      />
      <RadioGroup<Sex>
        id="sex"
        legend="Sex"
        hint="The sex you were born with, because some conditions depend on it."
        value={draft.sex}
        onChange={(sex) => onChange({ ...draft, sex })}
        options={SEX_OPTIONS}
        error={errors.sex}
      />
      <SubmitButton busy={busy} busyText="Thinking…">
        Check my symptoms
      </SubmitButton>
    </form>
  );
}
