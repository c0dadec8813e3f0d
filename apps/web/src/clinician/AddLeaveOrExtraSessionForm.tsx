import { API, type AppointmentType, type AvailabilityException } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { RadioGroup } from '../components/RadioGroup';
import { SelectField } from '../components/SelectField';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { appointmentTypeOption } from '../format/appointment-labels';
import { CLINIC_TIME, todayIn } from '../format/clinic-time';
import {
  checkException,
  EXCEPTION_FIELD_IDS,
  EXCEPTION_FIELDS,
  type ExceptionKind,
  type ExceptionValues,
} from './availability-forms';
import { exceptionLabel } from './LeaveAndExtraSessions';
import { useAddForm, type FieldProps } from './use-add-form';

const KIND_OPTIONS = [
  { value: 'leave', label: 'Leave', hint: 'Patients cannot book you at all in this time.' },
  { value: 'extra', label: 'Extra session', hint: 'Patients can book one appointment type in this time, as well as in your weekly hours.' },
] as const;

interface AddLeaveOrExtraSessionFormProps {
  types: AppointmentType[];
  onAdded: (exception: AvailabilityException) => void;
}

/** One date and time, as a pair of inputs under a legend such as "From". */
function DateAndTime({ legend, date, time }: { legend: 'From' | 'To'; date: FieldProps; time: FieldProps }) {
  const hidden = <span className="visually-hidden">{legend} </span>;
  return (
    <fieldset className="fieldset date-time">
      <legend className="label">{legend}</legend>
      <div className="field-row">
        <TextField {...date} label={<>{hidden}Date</>} type="date" widthClass="input--date" />
        <TextField {...time} label={<>{hidden}Time</>} hint={CLINIC_TIME} type="time" widthClass="input--time" />
      </div>
    </fieldset>
  );
}

export function AddLeaveOrExtraSessionForm({ types, onAdded }: AddLeaveOrExtraSessionFormProps) {
  const api = useApi();
  const { form, values, set, field, busy, added, handleSubmit } = useAddForm({
    initialValues: (): ExceptionValues => {
      const today = todayIn();
      return {
        kind: '',
        appointmentTypeId: types.length === 1 ? (types[0]?.id ?? '') : '',
        startDate: today,
        startTime: '',
        endDate: today,
        endTime: '',
        note: '',
      };
    },
    check: checkException,
    send: (request) => api.post<AvailabilityException>(API.availabilityExceptions, request),
    fieldIds: EXCEPTION_FIELD_IDS,
    describe: exceptionLabel,
    afterAdding: (v) => ({ ...v, startTime: '', endTime: '', note: '' }),
    onAdded,
  });

  return (
    <section aria-labelledby="add-exception-heading">
      <h2 id="add-exception-heading">Add leave or an extra session</h2>
      <ErrorSummary items={summaryItems(form.errors, EXCEPTION_FIELDS, form.formError)} focusKey={form.attempt} id="exception-errors" />
      {added && <Notice kind="success">{added}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <RadioGroup<ExceptionKind>
          id="exceptionKind"
          legend="What do you want to add?"
          value={values.kind}
          onChange={set('kind')}
          options={KIND_OPTIONS}
          error={form.errors.exceptionKind}
        />
        {values.kind === 'extra' && (
          <SelectField
            {...field('appointmentTypeId', 'exceptionAppointmentType')}
            label="Appointment type for the extra session"
            options={types.map((t) => ({ value: t.id, label: appointmentTypeOption(t) }))}
            placeholder={types.length === 1 ? undefined : 'Choose an appointment type'}
          />
        )}
        <DateAndTime
          legend="From"
          date={field('startDate', 'exceptionStartDate')}
          time={field('startTime', 'exceptionStartTime')}
        />
        <DateAndTime
          legend="To"
          date={field('endDate', 'exceptionEndDate')}
          time={field('endTime', 'exceptionEndTime')}
        />
        <TextAreaField
          {...field('note', 'exceptionNote')}
          label="Note (optional)"
          hint="For example, “Annual leave” or “Bank holiday cover”. Up to 200 characters."
          rows={3}
        />
        <SubmitButton busy={busy} busyText="Adding…">
          Add leave or extra session
        </SubmitButton>
      </form>
    </section>
  );
}
