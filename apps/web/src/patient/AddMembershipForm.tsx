import { useState, type FormEvent } from 'react';
import { API, LinkMembershipRequest, type Membership, type MyAccess, type PartnerList } from '@confide/contract';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { DateOfBirthField } from '../components/DateOfBirthField';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SelectField } from '../components/SelectField';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { fieldErrorsFromIssues, hasErrors, summaryItems, type FieldErrors } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { useSignedInUser } from '../session/use-session';

const FIELDS = ['partnerId', 'memberNumber', 'dateOfBirth'] as const;

interface MembershipValues {
  partnerId: string;
  memberNumber: string;
  dateOfBirth: string;
}

/** Checks the form with the schema the server uses (the server still decides). */
function check(values: MembershipValues): { ok: true; request: LinkMembershipRequest } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!values.partnerId) errors.partnerId = 'Choose your insurer or employer.';
  if (!values.memberNumber.trim()) errors.memberNumber = 'Enter your member number, as shown on your membership card.';
  if (!values.dateOfBirth) errors.dateOfBirth = 'Enter your date of birth.';
  if (hasErrors(errors)) return { ok: false, errors };
  const request: LinkMembershipRequest = { ...values, memberNumber: values.memberNumber.trim() };
  const result = LinkMembershipRequest.safeParse(request);
  if (result.success) return { ok: true, request };
  const found = fieldErrorsFromIssues(result.error.issues);
  if (found.dateOfBirth) found.dateOfBirth = 'Enter your date of birth as a real date, for example 27 March 1985.';
  return { ok: false, errors: found };
}

interface AddMembershipFormProps {
  memberships: Membership[];
  onAdded: (access: MyAccess) => void;
}

/** Links an insurer or employer membership, proven by member number and date of birth. */
export function AddMembershipForm({ memberships, onAdded }: AddMembershipFormProps) {
  const api = useApi();
  const user = useSignedInUser();
  const partners = useApiResource<PartnerList>(API.partners);
  const form = useFormErrors();
  const [values, setValues] = useState<MembershipValues>(() => ({
    partnerId: '',
    memberNumber: '',
    // Usually the same as on the membership: filled in from their details, and they can change it.
    dateOfBirth: user.patient?.dateOfBirth ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const set = (field: keyof MembershipValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setAdded(null);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const checked = check(values);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const access = await api.post<MyAccess>(API.myMemberships, checked.request);
      const known = new Set(memberships.map((m) => m.id));
      const membership = access.memberships.find((m) => !known.has(m.id)) ?? access.memberships.find((m) => m.partnerId === checked.request.partnerId);
      form.clear();
      onAdded(access);
      setAdded(membership ? `Membership added: ${membership.partnerName} ${membership.planName} plan.` : 'Membership added.');
      setValues((v) => ({ ...v, partnerId: '', memberNumber: '' }));
    } catch (error) {
      form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <>
      <h3 id="add-membership-heading">Add a membership</h3>
      <AsyncContent
        resource={partners.resource}
        loadingText="Loading insurers and employers…"
        failureText="The list of insurers and employers could not be loaded."
        onRetry={partners.reload}
      >
        {({ items }) =>
          items.length === 0 ? (
            <p>No insurers or employers cover appointments with us yet.</p>
          ) : (
            <>
              <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} id="membership-errors" />
              {added && (
                <Notice kind="success">
                  <p>{added}</p>
                </Notice>
              )}
              <form onSubmit={handleSubmit} noValidate className="form">
                <SelectField
                  id="partnerId"
                  label="Insurer or employer"
                  value={values.partnerId}
                  onChange={set('partnerId')}
                  options={items.map((p) => ({ value: p.id, label: p.name }))}
                  placeholder="Choose…"
                  error={form.errors.partnerId}
                />
                <TextField
                  id="memberNumber"
                  label="Member number"
                  hint="As shown on your membership card."
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  widthClass="input--20"
                  value={values.memberNumber}
                  onChange={set('memberNumber')}
                  error={form.errors.memberNumber}
                />
                <DateOfBirthField id="dateOfBirth" own value={values.dateOfBirth} onChange={set('dateOfBirth')} error={form.errors.dateOfBirth} />
                <SubmitButton busy={busy} busyText="Adding membership…">
                  Add membership
                </SubmitButton>
              </form>
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
