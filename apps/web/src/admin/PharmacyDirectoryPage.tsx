import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { API, type DirectoryImportResult } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SubmitButton } from '../components/SubmitButton';
import { TableCell } from '../components/TableCell';
import { renameFields, summaryItems } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import {
  csvFileProblem,
  importedText,
  PHARMACY_NOUN,
  POSTCODE_NOUN,
  REJECTED_LINES_SHOWN,
  rejectedText,
  type ImportNoun,
} from './directory-import';
import { CLINIC_TIME } from '../format/clinic-time';

const PHARMACY_EXAMPLE =
  'FA123,High Street Pharmacy,"1 High Street, Leeds",LS1 1AA,0113 496 0000,53.7997,-1.5492,' +
  'mon 09:00-18:00; tue 09:00-18:00; wed 09:00-18:00; thu 09:00-18:00; fri 09:00-18:00; sat 09:00-13:00; sun closed';

function PharmacyFileHint() {
  return (
    <>
      <p>
        A CSV file whose first line names the columns: ods_code, name, address, postcode, phone, latitude, longitude,
        opening_hours. Give latitude and longitude in decimal degrees.
      </p>
      <p>
        Write opening hours for every day of the week, in {CLINIC_TIME} on the 24-hour clock, separated by semicolons, and
        “closed” for a day it does not open. For a break in the day, write both times, like tue 09:00-13:00,14:00-18:00.
        Put any value with a comma in it, such as an address, in double quotes.
      </p>
      <p>For example:</p>
      <p>
        <code className="break-anywhere">{PHARMACY_EXAMPLE}</code>
      </p>
    </>
  );
}

function PostcodeFileHint() {
  return (
    <>
      <p>
        A CSV file whose first line names the columns: postcode, latitude, longitude. Confide uses it to find the
        pharmacies nearest to a postcode. Give latitude and longitude in decimal degrees.
      </p>
      <p>For example:</p>
      <p>
        <code className="break-anywhere">LS1 1AA,53.7997,-1.5492</code>
      </p>
    </>
  );
}

function ImportResult({ id, result, noun }: { id: string; result: DirectoryImportResult; noun: ImportNoun }) {
  const rejected = rejectedText(result);
  return (
    <>
      <Notice kind={rejected ? 'warning' : 'success'}>
        <p>{importedText(result.imported, noun)}</p>
        {rejected && <p>{rejected}</p>}
      </Notice>
      {result.rejected.length > 0 && (
        <ResponsiveTable id={`${id}-rejected`} caption="Lines not imported" columns={['Line', 'Problem']}>
          {result.rejected.slice(0, REJECTED_LINES_SHOWN).map((line, index) => (
            <tr role="row" key={`${line.line}-${index}`}>
              <TableCell column="Line" rowHeader>
                {line.line}
              </TableCell>
              <TableCell column="Problem">{line.problem}</TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}

interface DirectoryImportFormProps {
  /** The file input's id, and the start of the section's other ids: `pharmacies-csv`. */
  id: string;
  heading: string;
  label: string;
  hint: ReactNode;
  button: string;
  busyText: string;
  /** Shown while the file uploads and is imported: "Importing pharmacies…". */
  progressText: string;
  /** The error when no file is chosen: "Choose the pharmacies CSV file.". */
  missing: string;
  path: string;
  noun: ImportNoun;
  form: FormErrors;
}

/** Uploads one directory CSV file and shows what was imported, and each line that was not with its problem. */
function DirectoryImportForm({ id, heading, label, hint, button, busyText, progressText, missing, path, noun, form }: DirectoryImportFormProps) {
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DirectoryImportResult | null>(null);
  const headingId = `${id}-heading`;

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setResult(null);
  }

  async function submit() {
    setResult(null);
    const problem = csvFileProblem(file, missing);
    if (problem || !file) {
      form.show({ [id]: problem ?? missing });
      return;
    }
    setBusy(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setBusy(false);
      form.show({ [id]: 'The file could not be read. Choose it again.' });
      return;
    }
    try {
      const imported = await api.post<DirectoryImportResult>(path, { csv });
      form.clear();
      setResult(imported);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, { csv: id }));
      else form.showProblem(error);
    }
    setBusy(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void submit();
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ErrorSummary items={summaryItems(form.errors, [id], form.formError)} focusKey={form.attempt} id={`${id}-errors`} />
      <form onSubmit={handleSubmit} noValidate className="form">
        <FormField id={id} label={label} hint={hint} error={form.errors[id]}>
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              className={form.errors[id] ? 'input input--file input--error' : 'input input--file'}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <SubmitButton busy={busy} busyText={busyText}>
          {button}
        </SubmitButton>
      </form>
      {busy && <Loading>{progressText}</Loading>}
      {result && <ImportResult id={id} result={result} noun={noun} />}
    </section>
  );
}

/** The clinic admin loads the pharmacy directory and the postcode locations that the nearest-pharmacy search uses. */
export function PharmacyDirectoryPage() {
  const pharmacyForm = useFormErrors();
  const postcodeForm = useFormErrors();

  return (
    <Page title="Pharmacy directory" hasErrors={pharmacyForm.hasAny || postcodeForm.hasAny}>
      <p>
        The pharmacies patients can choose to send their prescriptions to, and the postcode locations used to find the
        nearest ones. Lines with a problem are not imported; every other line is.
      </p>
      <DirectoryImportForm
        id="pharmacies-csv"
        heading="Import pharmacies"
        label="Pharmacies CSV file"
        hint={<PharmacyFileHint />}
        button="Import pharmacies"
        busyText="Importing pharmacies…"
        progressText="Uploading and importing the pharmacies. A large file can take a minute or two."
        missing="Choose the pharmacies CSV file."
        path={API.adminPharmacyImport}
        noun={PHARMACY_NOUN}
        form={pharmacyForm}
      />
      <DirectoryImportForm
        id="postcodes-csv"
        heading="Import postcodes"
        label="Postcodes CSV file"
        hint={<PostcodeFileHint />}
        button="Import postcodes"
        busyText="Importing postcodes…"
        progressText="Uploading and importing the postcodes. A large file can take a few minutes."
        missing="Choose the postcodes CSV file."
        path={API.adminPostcodeImport}
        noun={POSTCODE_NOUN}
        form={postcodeForm}
      />
    </Page>
  );
}
