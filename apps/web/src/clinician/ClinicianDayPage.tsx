import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { API, type Appointment, type AppointmentList } from '@confide/contract';
import { useApiResource, type Resource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { MODE_LABELS, STATUS_LABELS } from '../format/appointment-labels';
import { addDays, CLINIC_TIME_ZONE, formatLongDate, formatTimeRange, isIsoDate, todayIn } from '../format/clinic-time';
import { patientDetailPath } from './clinician-paths';

const FIELDS = ['day'] as const;

function dayPath(date: string): string {
  const params = new URLSearchParams({ date, timeZone: CLINIC_TIME_ZONE });
  return `${API.clinicianDay}?${params.toString()}`;
}

function DayTable({ date, appointments }: { date: string; appointments: Appointment[] }) {
  if (appointments.length === 0) return <p>No appointments on this day.</p>;
  const sorted = [...appointments].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <ResponsiveTable
      id="day-appointments"
      caption={`Appointments on ${formatLongDate(date)}`}
      columns={['Time', 'Patient', 'Type', 'Mode', 'Reason', 'Status']}
    >
      {sorted.map((appointment) => (
        <tr role="row" key={appointment.id}>
          <TableCell column="Time" rowHeader className="nowrap">
            <time dateTime={appointment.startsAt}>{formatTimeRange(appointment.startsAt, appointment.endsAt)}</time>
          </TableCell>
          <TableCell column="Patient">
            <Link to={patientDetailPath(appointment.patient.id)}>{appointment.patient.name}</Link>
          </TableCell>
          <TableCell column="Type">{appointment.appointmentType.name}</TableCell>
          <TableCell column="Mode">{MODE_LABELS[appointment.appointmentType.mode]}</TableCell>
          <TableCell column="Reason" className="reason-text">
            {appointment.reason}
          </TableCell>
          <TableCell column="Status">{STATUS_LABELS[appointment.status]}</TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function countText(resource: Resource<AppointmentList>, date: string): string {
  if (resource.status !== 'loaded') return '';
  const n = resource.data.items.length;
  return `${formatLongDate(date)}: ${n === 0 ? 'no appointments' : n === 1 ? '1 appointment' : `${n} appointments`}.`;
}

/** A clinician's appointments for one day (UK time), with the patient and their reason. */
export function ClinicianDayPage() {
  const [params, setParams] = useSearchParams();
  const form = useFormErrors();
  const requested = params.get('date');
  const date = requested && isIsoDate(requested) ? requested : todayIn();
  // The input follows the day shown (Previous day, Next day, Back), but keeps what is typed until it is shown.
  const [draft, setDraft] = useState({ shown: date, value: date });
  const inputValue = draft.shown === date ? draft.value : date;
  const { resource, reload } = useApiResource<AppointmentList>(dayPath(date));

  function showDay(next: string) {
    form.clear();
    setDraft({ shown: next, value: next });
    setParams({ date: next });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isIsoDate(inputValue)) {
      form.show({ day: 'Enter a day, for example 20/11/2026.' });
      return;
    }
    showDay(inputValue);
  }

  return (
    <Page title="Your day" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      <form onSubmit={handleSubmit} noValidate className="form day-picker">
        <TextField
          id="day"
          label="Day"
          type="date"
          widthClass="input--date"
          value={inputValue}
          onChange={(value) => setDraft({ shown: date, value })}
          error={form.errors.day}
          after={
            <button type="submit" className="button button--secondary button--inline">
              Show
            </button>
          }
        />
        <div className="day-nav">
          <button type="button" className="button button--secondary" onClick={() => showDay(addDays(date, -1))}>
            Previous day
          </button>
          <button type="button" className="button button--secondary" onClick={() => showDay(todayIn())}>
            Today
          </button>
          <button type="button" className="button button--secondary" onClick={() => showDay(addDays(date, 1))}>
            Next day
          </button>
        </div>
      </form>
      <div aria-busy={resource.status === 'loading'}>
        {/* Stays on the page so that moving to another day is announced once it has loaded. */}
        <p role="status" className="visually-hidden">
          {countText(resource, date)}
        </p>
        <p className="secondary-text">Times are UK time.</p>
        <AsyncContent resource={resource} loadingText="Loading appointments…" failureText="Your appointments could not be loaded." onRetry={reload}>
          {(list) => <DayTable date={date} appointments={list.items} />}
        </AsyncContent>
      </div>
    </Page>
  );
}
