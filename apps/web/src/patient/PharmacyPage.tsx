import { useRef, useState, type FormEvent } from 'react';
import { API, type Nomination, type Pharmacy, type PharmacySearchRequest, type PharmacySearchResult } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useSignedInUser } from '../session/use-session';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { CheckboxField } from '../components/CheckboxField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FieldError } from '../components/FieldError';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { TextField } from '../components/TextField';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors, type FormErrors } from '../forms/use-form-errors';
import { FocusedNotice } from './FocusedNotice';
import { OpeningHoursTable, PharmacyContact, PharmacyPhone } from './PharmacyDetails';
import { checkPostcode, locationProblemText, SEARCH_FIELDS, searchFailure } from './pharmacy-search';
import { distanceText, pharmacyAddress, todayHoursText } from './pharmacy-text';
import { ukDate } from './prescription-status';
import { CLINIC_TIME } from '../format/clinic-time';

type SearchResult = PharmacySearchResult['results'][number];

/** Where the search looked: a postcode, or the person's location. */
type SearchPlace = { postcode: string } | { latitude: number; longitude: number };

type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; near: string }
  /** `at`: when the answer came, for each pharmacy's hours today. */
  | { status: 'found'; near: string; openNow: boolean; results: SearchResult[]; at: number };

const RESULTS_LIMIT = 10;

function CurrentPharmacy({ nomination }: { nomination: Nomination }) {
  const { pharmacy, nominatedAt } = nomination;
  if (!pharmacy) return <p>You have not chosen a pharmacy yet. Prescriptions are sent to the pharmacy you choose.</p>;
  return (
    <>
      <p>
        Your nominated pharmacy is <strong>{pharmacy.name}</strong>. Your clinician sends your prescriptions there.
      </p>
      <SummaryList
        rows={[
          { term: 'Address', value: pharmacyAddress(pharmacy) },
          { term: 'Phone', value: <PharmacyPhone phone={pharmacy.phone} /> },
          ...(nominatedAt ? [{ term: 'Chosen on', value: ukDate(nominatedAt) }] : []),
        ]}
      />
      <OpeningHoursTable id="nominated-opening-hours" pharmacy={pharmacy} />
    </>
  );
}

interface ResultCardProps {
  result: SearchResult;
  now: number;
  current: boolean;
  choosing: string | null;
  onChoose: (pharmacy: Pharmacy) => void;
}

function ResultCard({ result, now, current, choosing, onChoose }: ResultCardProps) {
  const { pharmacy, distanceKm, openNow } = result;
  const busy = choosing === pharmacy.id;
  return (
    <li className="card">
      <h3 className="card__title">{pharmacy.name}</h3>
      <p>
        <strong>{distanceText(distanceKm)}</strong>
      </p>
      <p>
        <PharmacyContact pharmacy={pharmacy} />
      </p>
      <p>
        <strong>{openNow ? 'Open now' : 'Closed now'}</strong>
        <span className="block">{todayHoursText(pharmacy.openingHours, now)}</span>
      </p>
      {current ? (
        <p>
          <strong>Your pharmacy</strong>
        </p>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChoose(pharmacy)}
          aria-busy={busy}
          aria-disabled={choosing !== null || undefined}
        >
          {busy ? 'Choosing…' : 'Choose'}
          <span className="visually-hidden"> {pharmacy.name}</span>
        </button>
      )}
    </li>
  );
}

interface SearchResultsProps {
  search: SearchState;
  /** The nominated pharmacy's id, shown as "Your pharmacy" instead of a Choose button. */
  currentId: string | null;
  /** The pharmacy being chosen, while its request runs. */
  choosing: string | null;
  onChoose: (pharmacy: Pharmacy) => void;
}

/** The nearest pharmacies, nearest first, each to choose; or "Searching…" while the search runs. */
function SearchResults({ search, currentId, choosing, onChoose }: SearchResultsProps) {
  if (search.status === 'idle') return null;
  const heading = `Pharmacies near ${search.near}`;
  return (
    <section aria-labelledby="results-heading" aria-busy={search.status === 'searching'} className="slot-results">
      <h2 id="results-heading">{heading}</h2>
      {search.status === 'searching' ? (
        <Loading>Searching…</Loading>
      ) : search.results.length === 0 ? (
        <p role="status">
          No pharmacies found near {search.near}.
          {search.openNow && ' Untick “Open now only” to see pharmacies that are closed at the moment.'}
        </p>
      ) : (
        <>
          <p role="status">
            {search.results.length === 1 ? '1 pharmacy found.' : `${search.results.length} pharmacies found, nearest first.`} Times
            are {CLINIC_TIME}.
          </p>
          <ol className="card-list" aria-labelledby="results-heading">
            {search.results.map((result) => (
              <ResultCard
                key={result.pharmacy.id}
                result={result}
                now={search.at}
                current={result.pharmacy.id === currentId}
                choosing={choosing}
                onChoose={onChoose}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

interface PharmacySearchProps {
  form: FormErrors;
  currentId: string | null;
  onChosen: (nomination: Nomination, pharmacy: Pharmacy) => void;
}

/** Find pharmacies nearest a postcode or the person's location, and choose one. */
function PharmacySearch({ form, currentId, onChosen }: PharmacySearchProps) {
  const api = useApi();
  const user = useSignedInUser();
  // Near home by default: the postcode on the patient's record (they can search anywhere else).
  const [postcode, setPostcode] = useState(user.patient?.postcode ?? '');
  const [openNow, setOpenNow] = useState(false);
  const [locating, setLocating] = useState(false);
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [choosing, setChoosing] = useState<string | null>(null);
  // Only the latest search's answer is shown, however the answers arrive.
  const latestSearch = useRef(0);
  const busy = search.status === 'searching' || locating;

  async function runSearch(place: SearchPlace, near: string) {
    const attempt = ++latestSearch.current;
    form.clear();
    setSearch({ status: 'searching', near });
    try {
      const body = { ...place, openNow, limit: RESULTS_LIMIT } satisfies PharmacySearchRequest;
      const { results } = await api.post<PharmacySearchResult>(API.pharmacySearch, body);
      if (attempt === latestSearch.current) setSearch({ status: 'found', near, openNow, results, at: Date.now() });
    } catch (error) {
      if (attempt !== latestSearch.current) return;
      const failure = searchFailure(error, 'postcode' in place ? 'postcode' : 'location');
      setSearch({ status: 'idle' });
      form.show(failure.errors, failure.formError);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkPostcode(postcode);
    if (!checked.ok) {
      form.show({ postcode: checked.message });
      return;
    }
    setPostcode(checked.postcode);
    void runSearch({ postcode: checked.postcode }, checked.postcode);
  }

  function searchMyLocation() {
    if (busy) return;
    if (!('geolocation' in navigator)) {
      form.show({ 'use-location': locationProblemText('unsupported') });
      return;
    }
    form.clear();
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        // About 100 metres is close enough to find the nearest pharmacies, and keeps the exact spot private.
        const round = (degrees: number) => Math.round(degrees * 1000) / 1000;
        void runSearch({ latitude: round(position.coords.latitude), longitude: round(position.coords.longitude) }, 'your location');
      },
      (error) => {
        setLocating(false);
        form.show({ 'use-location': locationProblemText(error.code) });
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  }

  async function choose(pharmacy: Pharmacy) {
    if (choosing) return;
    setChoosing(pharmacy.id);
    try {
      const { data } = await api.put<Nomination>(API.myNominatedPharmacy, { pharmacyId: pharmacy.id });
      form.clear();
      onChosen(data, pharmacy);
    } catch (error) {
      form.show({}, `${pharmacy.name} could not be chosen. ${problemMessage(error)}`);
    }
    setChoosing(null);
  }

  const locationError = form.errors['use-location'];
  return (
    <section aria-labelledby="find-heading">
      <h2 id="find-heading">Find a pharmacy near you</h2>
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextField
          id="postcode"
          label="Postcode"
          autoComplete="postal-code"
          autoCapitalize="characters"
          spellCheck={false}
          widthClass="input--10"
          value={postcode}
          onChange={setPostcode}
          error={form.errors.postcode}
        />
        <CheckboxField id="openNow" label="Open now only" checked={openNow} onChange={setOpenNow} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          Find pharmacies
        </button>
        <div className={locationError ? 'field field--error' : 'field'}>
          <FieldError id="use-location-error" error={locationError} />
          <button
            type="button"
            id="use-location"
            className="button button--secondary"
            onClick={searchMyLocation}
            aria-busy={locating}
            aria-disabled={busy || undefined}
            aria-describedby={locationError ? 'use-location-error' : undefined}
          >
            {locating ? 'Finding your location…' : 'Use my location'}
          </button>
        </div>
      </form>
      <SearchResults search={search} currentId={currentId} choosing={choosing} onChoose={(pharmacy) => void choose(pharmacy)} />
    </section>
  );
}

/** The patient's nominated pharmacy, where their prescriptions go, and finding and choosing another. */
export function PharmacyPage() {
  const form = useFormErrors();
  const { resource, reload, replace } = useApiResource<Nomination>(API.myNominatedPharmacy);
  // Each choice gets its own notice, which takes focus (the button pressed has become "Your pharmacy").
  const [chosen, setChosen] = useState<{ name: string; count: number } | null>(null);
  const currentId = resource.status === 'loaded' ? (resource.data.pharmacy?.id ?? null) : null;

  function handleChosen(nomination: Nomination, pharmacy: Pharmacy) {
    replace(nomination);
    setChosen((last) => ({ name: nomination.pharmacy?.name ?? pharmacy.name, count: (last?.count ?? 0) + 1 }));
  }

  return (
    <Page title="Your pharmacy" hasErrors={form.hasAny}>
      <ErrorSummary items={summaryItems(form.errors, SEARCH_FIELDS, form.formError)} focusKey={form.attempt} />
      {chosen && (
        <FocusedNotice key={chosen.count}>
          <p>Your nominated pharmacy is now {chosen.name}.</p>
        </FocusedNotice>
      )}
      <AsyncContent resource={resource} loadingText="Loading your pharmacy…" failureText="Your pharmacy could not be loaded." onRetry={reload}>
        {(nomination) => <CurrentPharmacy nomination={nomination} />}
      </AsyncContent>
      <PharmacySearch form={form} currentId={currentId} onChosen={handleChosen} />
    </Page>
  );
}
