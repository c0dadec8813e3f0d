import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { API, type Appointment, type AppointmentList, type AppointmentOutcomeRequest } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import type { Resource } from '../api/use-api-resource';
import { useLiveResource } from '../api/use-live-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { RemovalNotice } from '../components/RemovalNotice';
import { TextField } from '../components/TextField';
import { useNow } from '../components/use-now';
import type { RemovalMessage } from '../components/use-removal';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { addDays, CLINIC_TIME, CLINIC_TIME_ZONE, formatLongDate, formatTime, isIsoDate, todayIn } from '../format/clinic-time';
import { dayRowId } from './appointment-outcomes';
import { DayTable, type Outcome } from './DayTable';
import { WaitingRoom } from './WaitingRoom';

const FIELDS = ['day'] as const;
/** How often the waiting room is looked at again. */
const WAITING_POLL_MS = 5_000;

function replaceItem(list: AppointmentList, changed: Appointment): AppointmentList {
  return { items: list.items.map((item) => (item.id === changed.id ? changed : item)) };
}

const OUTCOME_DONE: Record<Outcome, string> = { completed: 'marked completed', no_show: 'marked as missed' };

/**
 * The day's list follows the waiting room: when someone checks in, is admitted or leaves it, the day is
 * quietly loaded again so its statuses keep up.
 */
function useFollowWaitingRoom(waiting: Resource<AppointmentList>, refreshDay: () => Promise<void>) {
  const waitingIds = waiting.status === 'loaded' ? waiting.data.items.map((item) => item.id).join(' ') : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (waitingIds === null) return;
    if (seen.current !== null && seen.current !== waitingIds) void refreshDay();
    seen.current = waitingIds;
  }, [waitingIds, refreshDay]);
}

function dayPath(date: string): string {
  const params = new URLSearchParams({ date, timeZone: CLINIC_TIME_ZONE });
  return `${API.clinicianDay}?${params.toString()}`;
}

function countText(resource: Resource<AppointmentList>, date: string): string {
  if (resource.status !== 'loaded') return '';
  const n = resource.data.items.length;
  return `${formatLongDate(date)}: ${n === 0 ? 'no appointments' : n === 1 ? '1 appointment' : `${n} appointments`}.`;
}

/**
 * A clinician's day: the waiting room (patients checked in, to admit), then the appointments for one day
 * (clinic time) with the patient, their reason and, where it applies, "Mark completed" or "Mark as missed".
 */
export function ClinicianDayPage() {
  const [params, setParams] = useSearchParams();
  const api = useApi();
  const form = useFormErrors();
  // "Mark as missed" appears once an appointment's time has come.
  const now = useNow(30_000);
  const requested = params.get('date');
  const date = requested && isIsoDate(requested) ? requested : todayIn();
  // The input follows the day shown (Previous day, Next day, Back), but keeps what is typed until it is shown.
  const [draft, setDraft] = useState({ shown: date, value: date });
  const inputValue = draft.shown === date ? draft.value : date;
  const day = useLiveResource<AppointmentList>(dayPath(date));
  const { resource, reload, update: updateDay, refresh: refreshDay } = day;
  const waiting = useLiveResource<AppointmentList>(API.waitingRoom, { pollMs: WAITING_POLL_MS });
  const refreshWaiting = waiting.refresh;
  useFollowWaitingRoom(waiting.resource, refreshDay);
  const [saving, setSaving] = useState<string | null>(null);
  const [outcomeMessage, setOutcomeMessage] = useState<RemovalMessage | null>(null);

  const handleAdmitted = useCallback((admitted: Appointment) => updateDay((list) => replaceItem(list, admitted)), [updateDay]);

  async function recordOutcome(appointment: Appointment, outcome: Outcome) {
    if (saving) return;
    const whose = `${appointment.patient.name}’s appointment at ${formatTime(appointment.startsAt)}`;
    setSaving(appointment.id);
    setOutcomeMessage(null);
    try {
      const body: AppointmentOutcomeRequest = { status: outcome };
      const updated = await api.post<Appointment>(API.appointmentOutcome(appointment.id), body);
      updateDay((list) => replaceItem(list, updated));
      setOutcomeMessage({ kind: 'done', text: `${whose} is ${OUTCOME_DONE[outcome]}.` });
      // The button pressed has gone with the change: continue from the start of its row.
      document.getElementById(dayRowId(appointment.id))?.focus();
      if (appointment.status === 'checked_in') void refreshWaiting();
    } catch (error) {
      setOutcomeMessage({ kind: 'failed', text: `${whose} could not be updated. ${problemMessage(error)}` });
      void refreshDay();
    }
    setSaving(null);
  }

  function showDay(next: string) {
    form.clear();
    setOutcomeMessage(null);
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
      <WaitingRoom waiting={waiting} onAdmitted={handleAdmitted} />
      <h2 id="day-heading">Appointments</h2>
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
        <p className="secondary-text">Times are {CLINIC_TIME}.</p>
        <RemovalNotice message={outcomeMessage} />
        <AsyncContent resource={resource} loadingText="Loading appointments…" failureText="Your appointments could not be loaded." onRetry={reload}>
          {(list) => (
            <DayTable date={date} appointments={list.items} now={now} saving={saving} onOutcome={(a, outcome) => void recordOutcome(a, outcome)} />
          )}
        </AsyncContent>
      </div>
    </Page>
  );
}
