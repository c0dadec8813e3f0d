import { useRef, useState, type FormEvent } from 'react';
import { API, MEMBER_CSV_COLUMNS, type MemberImportResult, type PartnerPlanList } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { SubmitButton } from '../components/SubmitButton';
import { summaryItems, type SummaryItem } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { importProblemLines } from './member-import-errors';

const FIELD = 'memberList';
/** The API's limit on an upload. */
const MAX_BYTES = 5 * 1024 * 1024;
const NOTHING_CHANGED = 'Nothing was changed. Correct the file and upload it again.';

function loadedMessage(result: MemberImportResult): string {
  return `Member list loaded: ${result.added} added, ${result.updated} updated, ${result.removed} removed, ${result.unchanged} unchanged.`;
}

function FileHint({ plans }: { plans: PartnerPlanList['items'] }) {
  return (
    <>
      <p>
        A CSV file whose first line names the columns: {MEMBER_CSV_COLUMNS.join(', ')}, and optionally action (upsert to
        add or update the member, or remove to remove them). Write dates of birth like 1980-04-23.
      </p>
      <p>
        {plans.length === 0
          ? 'Your organisation has no plans set up yet, so members cannot be added.'
          : `Your plan codes: ${plans.map((p) => `${p.code} (${p.name})`).join(', ')}.`}
      </p>
      <p>Members not in the file stay as they are. If any row has a problem, nothing is changed.</p>
    </>
  );
}

interface UploadMemberListFormProps {
  plans: PartnerPlanList['items'];
  onLoaded: () => void;
}

/** Loads a whole member list from a CSV file: adds, updates and removes members, all or nothing. */
export function UploadMemberListForm({ plans, onLoaded }: UploadMemberListFormProps) {
  const api = useApi();
  const form = useFormErrors();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setLoaded(null);
  }

  function showErrors(message: string, lines: string[] = []) {
    setProblems(lines);
    form.show({ [FIELD]: message });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setLoaded(null);
    if (!file) {
      showErrors('Choose the CSV file of your members.');
      return;
    }
    if (file.size > MAX_BYTES) {
      showErrors('The file must be smaller than 5 MB. Split the list into smaller files.');
      return;
    }
    setBusy(true);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setBusy(false);
      showErrors('The file could not be read. Choose it again.');
      return;
    }
    try {
      const result = await api.postText<MemberImportResult>(API.partnerMemberImport, text, 'text/csv');
      form.clear();
      setProblems([]);
      setLoaded(loadedMessage(result));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onLoaded();
    } catch (error) {
      if (isApiProblem(error) && error.code === 'invalid_members') {
        showErrors('The member list has problems, so nothing was changed.', importProblemLines(error.fieldErrors));
      } else {
        setProblems([]);
        form.showProblem(error);
      }
    }
    setBusy(false);
  }

  const items: SummaryItem[] =
    problems.length > 0
      ? [{ message: NOTHING_CHANGED }, ...problems.map((message) => ({ field: FIELD, message }))]
      : summaryItems(form.errors, [FIELD], form.formError);

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a member list</h2>
      <ErrorSummary items={items} focusKey={form.attempt} id="upload-errors" />
      {loaded && (
        <Notice kind="success">
          <p>{loaded}</p>
        </Notice>
      )}
      <form onSubmit={handleSubmit} noValidate className="form">
        <FormField id={FIELD} label="Member list (CSV file)" hint={<FileHint plans={plans} />} error={form.errors[FIELD]}>
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              className={form.errors[FIELD] ? 'input input--file input--error' : 'input input--file'}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <SubmitButton busy={busy} busyText="Uploading…">
          Upload member list
        </SubmitButton>
      </form>
    </section>
  );
}
