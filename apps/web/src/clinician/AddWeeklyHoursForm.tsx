import { useState, type FormEvent } from 'react';
import { API, type AppointmentType, type AvailabilityRule } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SelectField } from '../components/SelectField';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { appointmentTypeOption } from '../format/appointment-labels';
import { todayIn, WEEKDAY_NAMES } from '../format/clinic-time';
import { renameFields, RULE_FIELD_IDS, RULE_FIELDS, toRuleRequest, validateRule, type RuleValues } from './availability-forms';
import { ruleLabel } from './WeeklyHours';

const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((name, index) => ({ value: String(index + 1), label: name }));

interface AddWeeklyHoursFormProps {
  types: AppointmentType[];
  typeName: (id: string | null) => string;
  onAdded: (rule: AvailabilityRule) => void;
}

export function AddWeeklyHoursForm({ types, typeName, onAdded }: AddWeeklyHoursFormProps) {
  const api = useApi();
  const form = useFormErrors();
  const [values, setValues] = useState<RuleValues>(() => ({
    appointmentTypeId: types.length === 1 ? (types[0]?.id ?? '') : '',
    weekday: '1',
    startTime: '',
    endTime: '',
    validFrom: todayIn(),
    validUntil: '',
  }));
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const set = (field: keyof RuleValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setAdded(null);
  };
  const { errors } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const problems = validateRule(values);
    if (Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    try {
      const rule = await api.post<AvailabilityRule>(API.availabilityRules, toRuleRequest(values));
      form.clear();
      onAdded(rule);
      setAdded(`Added ${ruleLabel(rule, typeName)}.`);
      setValues((v) => ({ ...v, startTime: '', endTime: '' }));
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, RULE_FIELD_IDS));
      else form.showProblem(error);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="add-weekly-hours-heading">
      <h2 id="add-weekly-hours-heading">Add weekly hours</h2>
      <ErrorSummary items={summaryItems(errors, RULE_FIELDS, form.formError)} focusKey={form.attempt} id="weekly-hours-errors" />
      {added && <Notice kind="success">{added}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <SelectField
          id="ruleAppointmentType"
          label="Appointment type"
          value={values.appointmentTypeId}
          onChange={set('appointmentTypeId')}
          options={types.map((t) => ({ value: t.id, label: appointmentTypeOption(t) }))}
          placeholder={types.length === 1 ? undefined : 'Choose an appointment type'}
          error={errors.ruleAppointmentType}
        />
        <SelectField
          id="ruleWeekday"
          label="Day of the week"
          value={values.weekday}
          onChange={set('weekday')}
          options={WEEKDAY_OPTIONS}
          error={errors.ruleWeekday}
        />
        <div className="field-row">
          <TextField
            id="ruleStart"
            label="From"
            hint="UK time, like 09:00."
            type="time"
            widthClass="input--time"
            value={values.startTime}
            onChange={set('startTime')}
            error={errors.ruleStart}
          />
          <TextField
            id="ruleEnd"
            label="To"
            hint="UK time, like 12:30."
            type="time"
            widthClass="input--time"
            value={values.endTime}
            onChange={set('endTime')}
            error={errors.ruleEnd}
          />
        </div>
        <TextField
          id="ruleFrom"
          label="Starting on"
          type="date"
          widthClass="input--date"
          value={values.validFrom}
          onChange={set('validFrom')}
          error={errors.ruleFrom}
        />
        <TextField
          id="ruleUntil"
          label="Until (optional)"
          hint="The last day these hours apply. Leave it blank to keep them going."
          type="date"
          widthClass="input--date"
          value={values.validUntil}
          onChange={set('validUntil')}
          error={errors.ruleUntil}
        />
        <SubmitButton busy={busy} busyText="Adding weekly hours…">
          Add weekly hours
        </SubmitButton>
      </form>
    </section>
  );
}
