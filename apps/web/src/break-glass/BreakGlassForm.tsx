import { useState, type FormEvent } from 'react';
import { API } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import type { FormErrors } from '../forms/use-form-errors';
import {
  BREAK_GLASS_FIELDS,
  checkBreakGlass,
  EXAMPLE_PATIENT_ID,
  PATIENT_NOT_FOUND,
  type BreakGlassGrant,
  type GrantedAccess,
  type BreakGlassValues,
} from './break-glass-request';

interface BreakGlassFormProps {
  /** The page's form errors, so the page can mark its title while there are some. */
  form: FormErrors;
  onGranted: (access: GrantedAccess) => void;
}

/** Declares why the reader needs a patient's recordings, which opens them for 30 minutes. */
export function BreakGlassForm({ form, onGranted }: BreakGlassFormProps) {
  const api = useApi();
  const [values, setValues] = useState<BreakGlassValues>({ patientId: '', reason: '' });
  const [busy, setBusy] = useState(false);

  const field = (name: keyof BreakGlassValues) => ({
    id: name,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: form.errors[name],
  });

  async function submit() {
    const checked = checkBreakGlass(values);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    const { patientId, reason } = checked.values;
    setBusy(true);
    try {
      const grant = await api.post<BreakGlassGrant>(API.patientBreakGlass(patientId), { reason });
      form.clear();
      setBusy(false);
      onGranted({ patientId, expiresAt: grant.expiresAt });
    } catch (error) {
      setBusy(false);
      if (isApiProblem(error) && error.status === 404) form.show({ patientId: PATIENT_NOT_FOUND });
      else form.showProblem(error);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void submit();
  }

  return (
    <>
      <ErrorSummary items={summaryItems(form.errors, BREAK_GLASS_FIELDS, form.formError)} focusKey={form.attempt} />
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          {...field('patientId')}
          label="Patient ID"
          hint={`The patient's Confide ID, for example from a referral or an incident. It looks like ${EXAMPLE_PATIENT_ID}.`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextAreaField
          {...field('reason')}
          label="Reason"
          hint="Shown to the patient. Write at least 10 characters."
          rows={4}
          spellCheck
        />
        <SubmitButton busy={busy} busyText="Opening recordings…" warning>
          Open recordings for 30 minutes
        </SubmitButton>
      </form>
    </>
  );
}
