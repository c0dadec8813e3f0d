import { useRef, useState, type FormEvent } from 'react';
import { formatNhsNumber } from '@confide/domain';
import { API, NhsRegistrationRequest, type MyAccess } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList } from '../components/SummaryList';
import { TextField } from '../components/TextField';
import { fieldErrorsFromIssues, summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { formatDateOf } from '../format/clinic-time';
import { useSignedInUser } from '../session/use-session';

const FIELDS = ['nhsNumber'] as const;

function NhsRegistrationForm({ onRegistered }: { onRegistered: (access: MyAccess) => void }) {
  const api = useApi();
  const form = useFormErrors();
  const user = useSignedInUser();
  // The NHS number given at sign-up, if any, to save typing it again.
  const [nhsNumber, setNhsNumber] = useState(() => (user.patient?.nhsNumber ? formatNhsNumber(user.patient.nhsNumber) : ''));
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (nhsNumber.trim() === '') {
      form.show({ nhsNumber: 'Enter your NHS number.' });
      return;
    }
    const checked = NhsRegistrationRequest.safeParse({ nhsNumber });
    if (!checked.success) {
      form.show(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    setBusy(true);
    try {
      const access = await api.post<MyAccess>(API.myNhsRegistration, { nhsNumber: checked.data.nhsNumber } satisfies NhsRegistrationRequest);
      form.clear();
      onRegistered(access);
    } catch (error) {
      form.showProblem(error);
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} id="nhs-errors" />
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="nhsNumber"
          label="NHS number"
          hint="Your 10-digit NHS number, like 943 476 5919. It is on letters from the NHS and in the NHS App."
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          widthClass="input--10"
          value={nhsNumber}
          onChange={setNhsNumber}
          error={form.errors.nhsNumber}
        />
        <SubmitButton busy={busy} busyText="Registering…">
          Register for NHS appointments
        </SubmitButton>
      </form>
    </>
  );
}

interface NhsRegistrationProps {
  nhs: MyAccess['nhs'];
  onChanged: (access: MyAccess) => void;
}

/** Whether the patient is registered with the practice for NHS appointments, and a form to register if not. */
export function NhsRegistration({ nhs, onChanged }: NhsRegistrationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [justRegistered, setJustRegistered] = useState(false);

  function handleRegistered(access: MyAccess) {
    onChanged(access);
    setJustRegistered(true);
    // The form, and the button that had focus, have gone: continue from this section's heading.
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="nhs-heading">
      <h2 id="nhs-heading" tabIndex={-1} ref={headingRef}>
        NHS registration
      </h2>
      {justRegistered && (
        <Notice kind="success">
          <p>You have registered with the practice. NHS GP and nurse appointments are now free for you.</p>
        </Notice>
      )}
      {nhs.registered ? (
        <>
          <p>You are registered with the practice for NHS appointments.</p>
          <SummaryList
            rows={[
              { term: 'NHS number', value: nhs.nhsNumber ? formatNhsNumber(nhs.nhsNumber) : 'Not recorded' },
              ...(nhs.registeredAt ? [{ term: 'Registered on', value: formatDateOf(nhs.registeredAt) }] : []),
            ]}
          />
        </>
      ) : (
        <>
          <p>
            You are not registered with the practice for NHS appointments. Once you register, NHS-funded GP and nurse
            appointments are free for you. You need your NHS number.
          </p>
          <NhsRegistrationForm onRegistered={handleRegistered} />
        </>
      )}
    </section>
  );
}
