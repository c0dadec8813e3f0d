import { API, type AppointmentType, type AvailabilityRule } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SelectField } from '../components/SelectField';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { appointmentTypeOption } from '../format/appointment-labels';
import { CLINIC_TIME, todayIn, WEEKDAY_NAMES } from '../format/clinic-time';
import { checkRule, RULE_FIELD_IDS, RULE_FIELDS, type RuleValues } from './availability-forms';
import { useAddForm } from './use-add-form';
import { ruleLabel } from './WeeklyHours';

const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((name, index) => ({ value: String(index + 1), label: name }));

interface AddWeeklyHoursFormProps {
  types: AppointmentType[];
  typeName: (id: string | null) => string;
  onAdded: (rule: AvailabilityRule) => void;
}

export function AddWeeklyHoursForm({ types, typeName, onAdded }: AddWeeklyHoursFormProps) {
  const api = useApi();
  const { form, field, busy, added, handleSubmit } = useAddForm({
    initialValues: (): RuleValues => ({
      appointmentTypeId: types.length === 1 ? (types[0]?.id ?? '') : '',
      weekday: '1',
      startTime: '',
      endTime: '',
      validFrom: todayIn(),
      validUntil: '',
    }),
    check: checkRule,
    send: (request) => api.post<AvailabilityRule>(API.availabilityRules, request),
    fieldIds: RULE_FIELD_IDS,
    describe: (rule) => ruleLabel(rule, typeName),
    afterAdding: (v) => ({ ...v, startTime: '', endTime: '' }),
    onAdded,
  });

  return (
    <section aria-labelledby="add-weekly-hours-heading">
      <h2 id="add-weekly-hours-heading">Add weekly hours</h2>
      <ErrorSummary items={summaryItems(form.errors, RULE_FIELDS, form.formError)} focusKey={form.attempt} id="weekly-hours-errors" />
      {added && <Notice kind="success">{added}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <SelectField
          {...field('appointmentTypeId', 'ruleAppointmentType')}
          label="Appointment type"
          options={types.map((t) => ({ value: t.id, label: appointmentTypeOption(t) }))}
          placeholder={types.length === 1 ? undefined : 'Choose an appointment type'}
        />
        <SelectField {...field('weekday', 'ruleWeekday')} label="Day of the week" options={WEEKDAY_OPTIONS} />
        <div className="field-row">
          <TextField {...field('startTime', 'ruleStart')} label="From" hint={`${CLINIC_TIME}, like 09:00.`} type="time" widthClass="input--time" />
          <TextField {...field('endTime', 'ruleEnd')} label="To" hint={`${CLINIC_TIME}, like 12:30.`} type="time" widthClass="input--time" />
        </div>
        <TextField {...field('validFrom', 'ruleFrom')} label="Starting on" type="date" widthClass="input--date" />
        <TextField
          {...field('validUntil', 'ruleUntil')}
          label="Until (optional)"
          hint="The last day these hours apply. Leave it blank to keep them going."
          type="date"
          widthClass="input--date"
        />
        <SubmitButton busy={busy} busyText="Adding weekly hours…">
          Add weekly hours
        </SubmitButton>
      </form>
    </section>
  );
}
