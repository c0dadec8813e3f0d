import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PROFESSIONS, type Profession } from '@confide/domain';
import type { SlotList as SlotListData } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFeatures } from '../features/use-features';
import { summaryItems, type FieldErrors } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { CLINIC_TIME, formatLongDate, formatTime, isIsoDate, todayIn } from '../format/clinic-time';
import { PROFESSION_LABELS } from '../format/staff-labels';
import { SEE_WHOM } from '../triage/triage-text';
import {
  BOOKING_SETBACK_MESSAGES,
  handoffState,
  readBookingSetback,
  readSymptomCheckHandoff,
  type ChosenSlotState,
  type SymptomCheckHandoff,
} from './booking-state';
import { BookingUnavailable } from './BookingUnavailable';
import { BOOK_CONFIRM_PATH } from './patient-paths';
import { readSlotSearch, slotDetails, slotSearchParams, slotsPath, type SlotSearch } from './slot-search';
import { SlotList } from './SlotList';

const FIELDS = ['profession', 'date'] as const;
const PROFESSION_OPTIONS = PROFESSIONS.map((p) => ({ value: p, label: PROFESSION_LABELS[p] }));

function timesHeading(search: SlotSearch): string {
  const who = PROFESSION_LABELS[search.profession];
  const day = formatLongDate(search.date);
  return search.firstAvailable ? `First available ${who} times today, ${day}` : `${who} times on ${day}`;
}

/** The open times for a search: one button per time, going on to the confirm step with that time. */
/** Came from the symptom checker: who it suggests, how soon, and whether the summary goes with the reason. */
function SymptomCheckNotice({ handoff }: { handoff: SymptomCheckHandoff }) {
  return (
    <Notice>
      <p>
        From your symptom check: we suggest you see {SEE_WHOM[handoff.profession]}{' '}
        {handoff.urgency === 'today' ? 'today' : 'in the next few days'}.
      </p>
      {handoff.reason && <p>Your symptom check summary will be added to the reason for your appointment. You can change it before you book.</p>}
    </Notice>
  );
}

function SlotResults({ search, handoff }: { search: SlotSearch; handoff: SymptomCheckHandoff | null }) {
  const { search: query } = useLocation();
  const navigate = useNavigate();
  const path = slotsPath({ profession: search.profession, date: search.date, days: 1, firstAvailable: search.firstAvailable });
  const { resource, reload } = useApiResource<SlotListData>(path);

  return (
    <section aria-labelledby="times-heading" aria-busy={resource.status === 'loading'} className="slot-results">
      <h2 id="times-heading">{timesHeading(search)}</h2>
      <AsyncContent resource={resource} loadingText="Finding times…" failureText="The free times could not be loaded." onRetry={reload}>
        {({ items }) => {
          if (items.length === 0) {
            return (
              <p role="status">
                {search.firstAvailable
                  ? 'No times are free today. Try another day.'
                  : 'No times are free on this day. Try another day, or choose First available today.'}
              </p>
            );
          }
          return (
            <>
              <p role="status">
                {items.length === 1 ? '1 time is free.' : `${items.length} times are free.`} Choose a time to book it. Times
                are {CLINIC_TIME}.
              </p>
              <SlotList slots={items} id="times" labelledBy="times-heading">
                {(slot) => {
                  const state: ChosenSlotState = { slot, search: query, ...handoffState(handoff) };
                  return (
                    <button type="button" className="slot-choice" onClick={() => navigate(BOOK_CONFIRM_PATH, { state })}>
                      <strong>{formatTime(slot.startsAt)}</strong>, {slotDetails(slot)}
                    </button>
                  );
                }}
              </SlotList>
            </>
          );
        }}
      </AsyncContent>
    </section>
  );
}

/** Step 1 of booking: who to see and when; then pick one of the open times. */
export function BookAppointmentPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const form = useFormErrors();
  const { show } = form;
  const features = useFeatures();
  const search = readSlotSearch(params);
  const today = todayIn();
  // From the symptom checker (in location state, never the address): kept through every search on this page.
  const handoff = readSymptomCheckHandoff(location.state);
  const keep = { state: handoffState(handoff) };
  const [profession, setProfession] = useState<Profession>(search?.profession ?? handoff?.profession ?? 'gp');

  // The checker said to be seen today: look for the first free time today straight away.
  const firstAvailableFor = handoff?.urgency === 'today' && !search ? handoff.profession : null;
  useEffect(() => {
    if (!firstAvailableFor) return;
    setParams(slotSearchParams({ profession: firstAvailableFor, date: todayIn(), firstAvailable: true }), {
      replace: true,
      state: location.state,
    });
  }, [firstAvailableFor, setParams, location.state]);
  const [date, setDate] = useState(search && !search.firstAvailable ? search.date : today);

  // Sent back from the confirm step because the time went: say so once (and not again on reload).
  // The times below load afresh, since this page has just been opened again.
  const setback = readBookingSetback(location.state);
  useEffect(() => {
    if (!setback) return;
    show({}, BOOKING_SETBACK_MESSAGES[setback]);
    navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: handoffState(readSymptomCheckHandoff(location.state)) },
    );
  }, [setback, show, navigate, location.pathname, location.search, location.state]);

  function validate(): FieldErrors {
    if (date === '') return { date: 'Enter the date you want to be seen, for example 20/11/2026.' };
    if (!isIsoDate(date)) return { date: 'Enter a real date, for example 20/11/2026.' };
    if (date < today) return { date: 'Choose today or a date in the future.' };
    return {};
  }

  function findTimes(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validate();
    if (Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    form.clear();
    setParams(slotSearchParams({ profession, date, firstAvailable: false }), keep);
  }

  function firstAvailableToday() {
    form.clear();
    setParams(slotSearchParams({ profession, date: todayIn(), firstAvailable: true }), keep);
  }

  if (!features.booking) {
    return (
      <Page title="Book an appointment">
        <BookingUnavailable />
      </Page>
    );
  }

  return (
    <Page title="Book an appointment" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, FIELDS, form.formError)} focusKey={form.attempt} />
      {handoff && <SymptomCheckNotice handoff={handoff} />}
      <form onSubmit={findTimes} noValidate className="form">
        <SelectField
          id="profession"
          label="Who do you want to see?"
          value={profession}
          onChange={(value) => setProfession(value as Profession)}
          options={PROFESSION_OPTIONS}
          error={form.errors.profession}
        />
        <button type="button" className="button button--large" onClick={firstAvailableToday}>
          First available today
        </button>
        <p className="form-divider">Or choose a day:</p>
        <TextField
          id="date"
          label="Date"
          type="date"
          min={today}
          widthClass="input--date"
          value={date}
          onChange={setDate}
          error={form.errors.date}
        />
        <button type="submit" className="button button--secondary">
          Find times
        </button>
      </form>
      {search && <SlotResults key={slotSearchParams(search).toString()} search={search} handoff={handoff} />}
    </Page>
  );
}
