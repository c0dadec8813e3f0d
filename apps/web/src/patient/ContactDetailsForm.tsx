import { useState, type FormEvent } from 'react';
import { API, UpdatePatientRequest, type PatientProfile } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { fieldErrorsFromIssues, summaryItems, type FieldErrors } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';

const FIELDS = ['mobile', 'postcode'] as const;

interface ContactDetailsFormProps {
  patient: PatientProfile;
  onSaved: (patient: PatientProfile) => void;
}

/** Lets a patient change the details we use to contact them: mobile number and postcode. */
export function ContactDetailsForm({ patient, onSaved }: ContactDetailsFormProps) {
  const api = useApi();
  const form = useFormErrors();
  const [mobile, setMobile] = useState(patient.mobile);
  const [postcode, setPostcode] = useState(patient.postcode);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!mobile.trim()) errors.mobile = 'Enter your mobile number.';
    if (!postcode.trim()) errors.postcode = 'Enter your postcode.';
    if (Object.keys(errors).length > 0) return errors;
    const result = UpdatePatientRequest.safeParse({ mobile: mobile.trim(), postcode: postcode.trim() });
    return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    const problems = validate();
    if (Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.patch<PatientProfile>(API.myPatient, {
        mobile: mobile.trim(),
        postcode: postcode.trim(),
      });
      form.clear();
      setMobile(updated.mobile);
      setPostcode(updated.postcode);
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <section>
      <h2 id="contact-details-heading">Your contact details</h2>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      {saved && <Notice kind="success">Your contact details have been saved.</Notice>}
      <p>We use these to contact you about your care.</p>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="mobile"
          label="Mobile number"
          hint="A UK mobile number, like 07700 900123."
          type="tel"
          autoComplete="tel"
          widthClass="input--20"
          value={mobile}
          onChange={(value) => {
            setMobile(value);
            setSaved(false);
          }}
          error={form.errors.mobile}
        />
        <TextField
          id="postcode"
          label="Postcode"
          autoComplete="postal-code"
          autoCapitalize="characters"
          spellCheck={false}
          widthClass="input--10"
          value={postcode}
          onChange={(value) => {
            setPostcode(value);
            setSaved(false);
          }}
          error={form.errors.postcode}
        />
        <SubmitButton busy={busy} busyText="Saving changes…">
          Save changes
        </SubmitButton>
      </form>
    </section>
  );
}
