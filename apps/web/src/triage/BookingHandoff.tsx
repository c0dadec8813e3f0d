import { useState } from 'react';
import { Link } from 'react-router';
import type { TriageResult } from '@confide/contract';
import { CheckboxField } from '../components/CheckboxField';
import { bookFromSymptomCheck } from '../patient/booking-state';
import { BOOK_PATH } from '../patient/patient-paths';
import { SIGN_IN_PATH } from '../session/role-paths';
import type { SignInLocationState } from '../session/sign-in-notice';
import { useSession } from '../session/use-session';
import { SEE_WHOM } from './triage-text';

type Book = NonNullable<TriageResult['book']>;

function suggestion(book: Book): string {
  return `We suggest you see ${SEE_WHOM[book.profession]} ${book.urgency === 'today' ? 'today' : 'in the next few days'}.`;
}

/** A signed-in patient books from the advice; the check's summary goes with the reason only if they tick the box. */
function PatientBooking({ book, summary }: { book: Book; summary: string }) {
  const [addSummary, setAddSummary] = useState(false);
  return (
    <>
      <p>{suggestion(book)}</p>
      <CheckboxField
        id="add-summary"
        label="Add my symptom check summary to the appointment reason"
        checked={addSummary}
        onChange={setAddSummary}
      />
      <details className="details">
        <summary>What the summary says</summary>
        <p className="details__text">{summary}</p>
        <p className="hint">Only the clinician you book with sees the reason. You can change it before you book.</p>
      </details>
      <p>
        <Link to={BOOK_PATH} state={bookFromSymptomCheck(book, summary, addSummary)} className="button">
          Book an appointment
        </Link>
      </p>
    </>
  );
}

/** Someone not signed in: booking needs an account. */
function SignInToBook({ book }: { book: Book }) {
  const signIn: SignInLocationState = { from: BOOK_PATH };
  return (
    <>
      <p>
        {suggestion(book)} To book an appointment with us, sign in to your Confide account. This check is not saved, so
        you may want to note the advice first.
      </p>
      <p>
        <Link to={SIGN_IN_PATH} state={signIn} className="button">
          Sign in to book an appointment
        </Link>
      </p>
      <p>
        No account? <Link to="/sign-up">Create an account</Link>
      </p>
    </>
  );
}

/**
 * What to book, when the advice is to see someone (never for an emergency, which is 999 or A&E). The profession,
 * urgency and (if agreed) summary go to booking in location state, never in the address.
 */
export function BookingHandoff({ result, summary }: { result: TriageResult; summary: string }) {
  const { state } = useSession();
  const { book } = result;
  if (!book || result.triage === 'emergency') return null;
  const isPatient = state.status === 'signed-in' && state.user.role === 'patient';
  if (!isPatient && state.status !== 'signed-out') return null;
  return (
    <div className="triage-book">
      <h3>Book with Confide</h3>
      {isPatient ? <PatientBooking book={book} summary={summary} /> : <SignInToBook book={book} />}
    </div>
  );
}
