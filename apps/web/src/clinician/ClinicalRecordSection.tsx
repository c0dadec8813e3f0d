import { useState } from 'react';
import { API, type Allergy, type ClinicalRecord, type CurrentMedicine, type FormularyMedicine } from '@confide/contract';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { RemovalNotice } from '../components/RemovalNotice';
import { RemoveButton } from '../components/RemoveButton';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SubmitButton } from '../components/SubmitButton';
import { TableCell } from '../components/TableCell';
import { TextField } from '../components/TextField';
import { useRemoval, type Removal } from '../components/use-removal';
import { summaryItems } from '../forms/field-errors';
import { formatDateTime } from '../format/date-format';
import { medicineLabel } from '../format/prescription-labels';
import {
  ALLERGY_FIELD_IDS,
  ALLERGY_FIELDS,
  checkAllergy,
  checkCurrentMedicine,
  CURRENT_MEDICINE_FIELD_IDS,
  CURRENT_MEDICINE_FIELDS,
} from './clinical-record-forms';
import { MedicineSearch } from './MedicineSearch';
import { useAddForm } from './use-add-form';

interface ListProps<T> {
  patientId: string;
  items: T[];
  /** Lists only, without the buttons and forms that change them. */
  readOnly: boolean;
  onAdded: (item: T) => void;
  onRemoved: (id: string) => void;
}

function AddAllergyForm({ patientId, onAdded }: { patientId: string; onAdded: (allergy: Allergy) => void }) {
  const api = useApi();
  const { form, field, busy, added, handleSubmit } = useAddForm({
    initialValues: () => ({ substance: '', reaction: '' }),
    check: checkAllergy,
    send: (request) => api.post<Allergy>(API.allergies(patientId), request),
    fieldIds: ALLERGY_FIELD_IDS,
    describe: (allergy) => `an allergy to ${allergy.substance}`,
    afterAdding: () => ({ substance: '', reaction: '' }),
    onAdded,
  });

  return (
    <section aria-labelledby="add-allergy-heading">
      <h3 id="add-allergy-heading">Add an allergy</h3>
      <ErrorSummary items={summaryItems(form.errors, ALLERGY_FIELDS, form.formError)} focusKey={form.attempt} id="allergy-errors" />
      {added && <Notice kind="success">{added}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          {...field('substance', 'allergySubstance')}
          label="Allergic to"
          hint="A medicine or a group of medicines, like penicillin. The checks before prescribing look for it."
          autoComplete="off"
        />
        <TextField {...field('reaction', 'allergyReaction')} label="Reaction" hint="What happens, like rash, swelling or anaphylaxis." autoComplete="off" />
        <SubmitButton busy={busy} busyText="Adding allergy…">
          Add allergy
        </SubmitButton>
      </form>
    </section>
  );
}

function Allergies({ patientId, items, readOnly, onAdded, onRemoved }: ListProps<Allergy>) {
  const api = useApi();
  const removal = useRemoval(onRemoved);
  const columns = ['Allergic to', 'Reaction', 'Recorded', ...(readOnly ? [] : ['Actions'])];

  return (
    <section aria-labelledby="allergies-heading">
      <h2 id="allergies-heading" tabIndex={-1} ref={removal.headingRef}>
        Allergies
      </h2>
      <RemovalNotice message={removal.message} />
      {items.length === 0 ? (
        <p>No known allergies recorded.</p>
      ) : (
        <ResponsiveTable id="allergies" caption="Allergies" captionHidden columns={columns}>
          {items.map((allergy) => (
            <tr role="row" key={allergy.id}>
              <TableCell column="Allergic to" rowHeader className="break-anywhere">
                {allergy.substance}
              </TableCell>
              <TableCell column="Reaction" className="reason-text">
                {allergy.reaction}
              </TableCell>
              <TableCell column="Recorded">
                {formatDateTime(allergy.recordedAt)} by {allergy.recordedBy}
              </TableCell>
              {!readOnly && (
                <TableCell column="Actions">
                  <RemoveButton
                    removal={removal}
                    id={allergy.id}
                    label={`allergy to ${allergy.substance}`}
                    request={() => api.delete(API.allergy(patientId, allergy.id))}
                  />
                </TableCell>
              )}
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {!readOnly && <AddAllergyForm patientId={patientId} onAdded={onAdded} />}
    </section>
  );
}

function AddCurrentMedicineForm({ patientId, onAdded }: { patientId: string; onAdded: (medicine: CurrentMedicine) => void }) {
  const api = useApi();
  const [chosen, setChosen] = useState<FormularyMedicine | null>(null);
  const { form, field, set, busy, added, handleSubmit } = useAddForm({
    initialValues: () => ({ medicineId: '', dose: '' }),
    check: checkCurrentMedicine,
    send: (request) => api.post<CurrentMedicine>(API.currentMedicines(patientId), request),
    fieldIds: CURRENT_MEDICINE_FIELD_IDS,
    describe: (current) => medicineLabel(current.medicine),
    afterAdding: () => ({ medicineId: '', dose: '' }),
    onAdded: (current) => {
      setChosen(null);
      onAdded(current);
    },
  });

  function choose(medicine: FormularyMedicine | null) {
    setChosen(medicine);
    set('medicineId')(medicine?.id ?? '');
  }

  return (
    <section aria-labelledby="add-current-medicine-heading">
      <h3 id="add-current-medicine-heading">Add a medicine</h3>
      <ErrorSummary
        items={summaryItems(form.errors, CURRENT_MEDICINE_FIELDS, form.formError)}
        focusKey={form.attempt}
        id="current-medicine-errors"
      />
      {added && <Notice kind="success">{added}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <MedicineSearch
          id="currentMedicine"
          hint="Type at least 2 letters of its name, then choose it from the list."
          value={chosen}
          onChange={choose}
          error={form.errors.currentMedicine}
        />
        <TextField
          {...field('dose', 'currentMedicineDose')}
          label="Dose"
          hint="How the patient takes it, like one tablet twice a day."
          autoComplete="off"
        />
        <SubmitButton busy={busy} busyText="Adding medicine…">
          Add medicine
        </SubmitButton>
      </form>
    </section>
  );
}

/** "Stop Amoxicillin": takes a medicine off the patient's current medicines. */
function StopButton({ removal, current, request }: { removal: Removal; current: CurrentMedicine; request: () => Promise<unknown> }) {
  const stopping = removal.removing === current.id;
  return (
    <button
      type="button"
      className="button button--secondary button--inline"
      onClick={() => void removal.remove(current.id, `${current.medicine.name} from current medicines`, request)}
      aria-busy={stopping}
      aria-disabled={removal.removing !== null || undefined}
    >
      {stopping ? 'Stopping…' : 'Stop'}
      <span className="visually-hidden"> {current.medicine.name}</span>
    </button>
  );
}

function CurrentMedicines({ patientId, items, readOnly, onAdded, onRemoved }: ListProps<CurrentMedicine>) {
  const api = useApi();
  const removal = useRemoval(onRemoved);
  const columns = ['Medicine', 'Dose', 'Since', ...(readOnly ? [] : ['Actions'])];

  return (
    <section aria-labelledby="current-medicines-heading">
      <h2 id="current-medicines-heading" tabIndex={-1} ref={removal.headingRef}>
        Current medicines
      </h2>
      <RemovalNotice message={removal.message} />
      {items.length === 0 ? (
        <p>No current medicines recorded.</p>
      ) : (
        <ResponsiveTable id="current-medicines" caption="Current medicines" captionHidden columns={columns}>
          {items.map((current) => (
            <tr role="row" key={current.id}>
              <TableCell column="Medicine" rowHeader>
                {medicineLabel(current.medicine)}
                {current.source === 'prescribed' && <span className="block secondary-text">Prescribed through Confide</span>}
              </TableCell>
              <TableCell column="Dose" className="reason-text">
                {current.dose}
              </TableCell>
              <TableCell column="Since">{formatDateTime(current.startedAt)}</TableCell>
              {!readOnly && (
                <TableCell column="Actions">
                  <StopButton removal={removal} current={current} request={() => api.delete(API.currentMedicine(patientId, current.id))} />
                </TableCell>
              )}
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {!readOnly && <AddCurrentMedicineForm patientId={patientId} onAdded={onAdded} />}
    </section>
  );
}

interface ClinicalRecordSectionProps {
  patientId: string;
  /** Only the lists, as on the prescribing page (which has its own medicine search); changed on the patient's page. */
  readOnly?: boolean;
}

/**
 * The patient's allergies and current medicines, which the checks before prescribing use. Clinicians caring for
 * the patient add and remove them; the patient can read them.
 */
export function ClinicalRecordSection({ patientId, readOnly = false }: ClinicalRecordSectionProps) {
  const { resource, reload, update } = useApiResource<ClinicalRecord>(API.clinicalRecord(patientId));

  return (
    <AsyncContent
      resource={resource}
      loadingText="Loading allergies and current medicines…"
      failureText="The patient's allergies and current medicines could not be loaded."
      onRetry={reload}
    >
      {(record) => (
        <>
          <Allergies
            patientId={patientId}
            items={record.allergies}
            readOnly={readOnly}
            onAdded={(allergy) => update((r) => ({ ...r, allergies: [...r.allergies, allergy] }))}
            onRemoved={(id) => update((r) => ({ ...r, allergies: r.allergies.filter((a) => a.id !== id) }))}
          />
          <CurrentMedicines
            patientId={patientId}
            items={record.medicines}
            readOnly={readOnly}
            onAdded={(current) => update((r) => ({ ...r, medicines: [...r.medicines, current] }))}
            onRemoved={(id) => update((r) => ({ ...r, medicines: r.medicines.filter((m) => m.id !== id) }))}
          />
        </>
      )}
    </AsyncContent>
  );
}
