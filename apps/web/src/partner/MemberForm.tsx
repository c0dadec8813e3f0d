import { useState, type FormEvent } from 'react';
import { API, MemberNumber, PartnerMemberInput, type PartnerPlanList } from '@confide/contract';
import { useApi } from '../api/use-api';
import { DateOfBirthField } from '../components/DateOfBirthField';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SelectField } from '../components/SelectField';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { fieldErrorsFromIssues, hasErrors, summaryItems, type FieldErrors } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';

/** Input ids, the same as the API's field names, in the order they appear. */
const FIELDS = ['memberNumber', 'givenName', 'familyName', 'dateOfBirth', 'plan'] as const;

interface MemberValues {
  memberNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  plan: string;
}

type Checked = { ok: true; memberNumber: string; member: PartnerMemberInput } | { ok: false; errors: FieldErrors };

/** Checks a member with the schemas the server uses (the server still decides). */
function check(values: MemberValues): Checked {
  const errors: FieldErrors = {};
  const memberNumber = MemberNumber.safeParse(values.memberNumber);
  if (!values.memberNumber.trim()) errors.memberNumber = 'Enter the member number.';
  else if (!memberNumber.success) errors.memberNumber = memberNumber.error.issues[0]?.message ?? 'Enter a valid member number.';
  const member: PartnerMemberInput = {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    dateOfBirth: values.dateOfBirth,
    plan: values.plan,
  };
  const result = PartnerMemberInput.safeParse(member);
  if (!result.success) Object.assign(errors, fieldErrorsFromIssues(result.error.issues));
  if (errors.dateOfBirth) {
    errors.dateOfBirth = values.dateOfBirth ? 'Enter a real date of birth, for example 27 March 1985.' : "Enter the member's date of birth.";
  }
  if (!values.plan) errors.plan = 'Choose the plan.';
  if (hasErrors(errors) || !memberNumber.success) return { ok: false, errors };
  return { ok: true, memberNumber: memberNumber.data, member };
}

interface MemberFormProps {
  plans: PartnerPlanList['items'];
  onSaved: () => void;
}

/** Adds one member, or updates the member with that member number. */
export function MemberForm({ plans, onSaved }: MemberFormProps) {
  const api = useApi();
  const form = useFormErrors();
  const onlyPlan = plans.length === 1 ? (plans[0]?.code ?? '') : '';
  const empty = (): MemberValues => ({ memberNumber: '', givenName: '', familyName: '', dateOfBirth: '', plan: onlyPlan });
  const [values, setValues] = useState<MemberValues>(empty);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const field = (name: keyof MemberValues) => ({
    id: name,
    value: values[name],
    onChange: (value: string) => {
      setValues((v) => ({ ...v, [name]: value }));
      setSaved(null);
    },
    error: form.errors[name],
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const checked = check(values);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const { status } = await api.put<{ memberNumber: string }>(API.partnerMember(checked.memberNumber), checked.member);
      form.clear();
      setSaved(`Member ${checked.memberNumber} ${status === 201 ? 'added' : 'updated'}.`);
      setValues(empty());
      onSaved();
    } catch (error) {
      form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="member-form-heading">
      <h2 id="member-form-heading">Add or update a member</h2>
      <p>To change a member&apos;s details, enter their member number and the new details.</p>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} id="member-errors" />
      {saved && (
        <Notice kind="success">
          <p>{saved}</p>
        </Notice>
      )}
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          {...field('memberNumber')}
          label="Member number"
          hint="Letters, numbers and dashes, as on the membership card."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          widthClass="input--20"
        />
        <TextField {...field('givenName')} label="Given name" autoComplete="off" spellCheck={false} />
        <TextField {...field('familyName')} label="Family name" autoComplete="off" spellCheck={false} />
        <DateOfBirthField {...field('dateOfBirth')} own={false} />
        <SelectField
          {...field('plan')}
          label="Plan"
          options={plans.map((p) => ({ value: p.code, label: p.name }))}
          placeholder={plans.length === 1 ? undefined : 'Choose a plan'}
        />
        <SubmitButton busy={busy} busyText="Saving member…">
          Save member
        </SubmitButton>
      </form>
    </section>
  );
}
