import { useState, type FormEvent } from 'react';
import { API, type AppointmentType, type AvailabilityException } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { RadioGroup } from '../components/RadioGroup';
import { SelectField } from '../components/SelectField';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { appointmentTypeOption } from '../format/appointment-labels';
import { todayIn } from '../format/clinic-time';
import {
  EXCEPTION_FIELD_IDS,
  EXCEPTION_FIELDS,
  renameFields,
  toExceptionRequest,
  type ExceptionKind,
  type ExceptionValues,
} from './availability-forms';
import { exceptionLabel } from './LeaveAndExtraSessions';

const KIND_OPTIONS = [
  { value: 'leave', label: 'Leave', hint: 'Patients cannot book you at all in this time.' },
  { value: 'extra', label: 'Extra session', hint: 'Patients can book one appointment type in this time, as well as in your weekly hours.' },
] as const;

interface AddLeaveOrExtraSessionFormProps {
  types: AppointmentType[];
  onAdded: (exception: AvailabilityException) => void;
}

/** One date and time, as a pair of inputs under a legend such as "From". */
function DateAndTime(props: {
  legend: 'From' | 'To';
  dateId: string;
  timeId: string;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  dateError: string | undefined;
  timeError: string | undefined;
}) {
  const hidden = <span className="visually-hidden">{props.legend} </span>;
  return (
    <fieldset className="fieldset date-time">
      <legend className="label">{props.legend}</legend>
      <div className="field-row">
        <TextField
          id={props.dateId}
          label={<>{hidden}Date</>}
          type="date"
          widthClass="input--date"
          value={props.date}
          onChange={props.onDate}
          error={props.dateError}
        />
        <TextField
          id={props.timeId}
          label={<>{hidden}Time</>}
          hint="UK time"
          type="time"
          widthClass="input--time"
          value={props.time}
          onChange={props.onTime}
          error={props.timeError}
        />
      </div>
    </fieldset>
  );
}

export function AddLeaveOrExtraSessionForm({ types, onAdded }: AddLeaveOrExtraSessionFormProps) {
  const api = useApi();
  const form = useFormErrors();
  const [values, setValues] = useState<ExceptionValues>(() => {
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
  });
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const set = (field: keyof ExceptionValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setAdded(null);
  };
  const { errors } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const checked = toExceptionRequest(values);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const exception = await api.post<AvailabilityException>(API.availabilityExceptions, checked.request);
      form.clear();
      onAdded(exception);
      setAdded(`Added ${exceptionLabel(exception)}.`);
      setValues((v) => ({ ...v, startTime: '', endTime: '', note: '' }));
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, EXCEPTION_FIELD_IDS));
      else form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="add-exception-heading">
      <h2 id="add-exception-heading">Add leave or an extra session</h2>
      <ErrorSummary items={summaryItems(errors, EXCEPTION_FIELDS, form.formError)} focusKey={form.attempt} id="exception-errors" />
      {added && <Notice kind="success">{added}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <RadioGroup<ExceptionKind>
          id="exceptionKind"
          legend="What do you want to add?"
          value={values.kind}
          onChange={set('kind')}
          options={KIND_OPTIONS}
          error={errors.exceptionKind}
        />
        {values.kind === 'extra' && (
          <SelectField
            id="exceptionAppointmentType"
            label="Appointment type for the extra session"
            value={values.appointmentTypeId}
            onChange={set('appointmentTypeId')}
            options={types.map((t) => ({ value: t.id, label: appointmentTypeOption(t) }))}
            placeholder={types.length === 1 ? undefined : 'Choose an appointment type'}
            error={errors.exceptionAppointmentType}
          />
        )}
        <DateAndTime
          legend="From"
          dateId="exceptionStartDate"
          timeId="exceptionStartTime"
          date={values.startDate}
          time={values.startTime}
          onDate={set('startDate')}
          onTime={set('startTime')}
          dateError={errors.exceptionStartDate}
          timeError={errors.exceptionStartTime}
        />
        <DateAndTime
          legend="To"
          dateId="exceptionEndDate"
          timeId="exceptionEndTime"
          date={values.endDate}
          time={values.endTime}
          onDate={set('endDate')}
          onTime={set('endTime')}
          dateError={errors.exceptionEndDate}
          timeError={errors.exceptionEndTime}
        />
        <TextAreaField
          id="exceptionNote"
          label="Note (optional)"
          hint="For example, “Annual leave” or “Bank holiday cover”. Up to 200 characters."
          rows={3}
          value={values.note}
          onChange={set('note')}
          error={errors.exceptionNote}
        />
        <SubmitButton busy={busy} busyText="Adding…">
          Add leave or extra session
        </SubmitButton>
      </form>
    </section>
  );
}
