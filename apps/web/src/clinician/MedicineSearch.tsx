import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { API, type FormularyMedicine } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import { FormField } from '../components/FormField';
import { medicineLabel } from '../format/prescription-labels';
import { searchTerm, SEARCH_DELAY_MS, searchStatusText, type SearchState } from './medicine-search-state';
import './prescribing.css';

interface MedicineSearchProps {
  /** The input's id (error summary links land on it); the listbox and options take ids from it. */
  id: string;
  label?: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: FormularyMedicine | null;
  onChange: (medicine: FormularyMedicine | null) => void;
}

/**
 * Finds a medicine in the formulary as you type (2 letters or more): an ARIA combobox with a listbox of matches,
 * chosen with the arrow keys and Enter (Escape closes the list) or by clicking. Once chosen it shows the medicine's
 * usual adult dose. Typing again clears the choice until another is made.
 */
export function MedicineSearch({ id, label = 'Medicine', hint, error, value, onChange }: MedicineSearchProps) {
  const api = useApi();
  const [text, setText] = useState(() => (value ? medicineLabel(value) : ''));
  const [shown, setShown] = useState(value);
  const [term, setTerm] = useState('');
  const [search, setSearch] = useState<SearchState>({ term: '', status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // The form changed the choice itself (cleared after adding, say): show that, not what was typed.
  if (value !== shown) {
    setShown(value);
    setText(value ? medicineLabel(value) : '');
    setTerm('');
    setOpen(false);
  }

  const wanted = searchTerm(term);
  useEffect(() => {
    if (wanted === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.get<{ medicines: FormularyMedicine[] }>(`${API.formulary}?q=${encodeURIComponent(wanted)}`, controller.signal).then(
        (data) => setSearch({ term: wanted, status: 'loaded', medicines: data.medicines }),
        (failure: unknown) => {
          if (!controller.signal.aborted) setSearch({ term: wanted, status: 'failed', message: problemMessage(failure) });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, wanted]);

  const current = wanted !== null && search.term === wanted ? search : null;
  const matches = current?.status === 'loaded' ? current.medicines : [];
  const expanded = open && matches.length > 0;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const chosenId = `${id}-chosen`;
  const status = open ? searchStatusText(wanted, current) : { visible: '', hidden: '' };

  // Keep the option the arrow keys reach in view when the list scrolls.
  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [expanded, active, id]);

  function type(typed: string) {
    setText(typed);
    setTerm(typed);
    setOpen(true);
    setActive(-1);
    if (value) {
      setShown(null);
      onChange(null);
    }
  }

  function choose(medicine: FormularyMedicine) {
    setShown(medicine);
    setText(medicineLabel(medicine));
    setTerm('');
    setOpen(false);
    setActive(-1);
    onChange(medicine);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(expanded ? (active + 1) % count : 0);
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(expanded && active > 0 ? active - 1 : count - 1);
        break;
      case 'Enter': {
        if (!expanded) return;
        // While the list is open, Enter chooses; it never submits the form by accident.
        event.preventDefault();
        const medicine = matches[active];
        if (medicine) choose(medicine);
        break;
      }
      case 'Escape':
        if (!open) return;
        event.preventDefault();
        setOpen(false);
        setActive(-1);
        break;
      default:
    }
  }

  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <div className="medicine-search">
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], value ? chosenId : undefined].filter(Boolean).join(' ') || undefined}
            className={error ? 'input input--error' : 'input'}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={text}
            onChange={(event) => type(event.target.value)}
            onKeyDown={handleKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul className="medicine-search__listbox" id={listboxId} role="listbox" aria-label="Matching medicines" hidden={!expanded}>
            {expanded &&
              matches.map((medicine, index) => (
                <li
                  key={medicine.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="medicine-search__option"
                  // Keep focus in the input, so choosing with the mouse does not close the list first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(medicine)}
                >
                  {medicineLabel(medicine)}
                </li>
              ))}
          </ul>
          <p className="medicine-search__status" role="status">
            {status.visible}
            {status.hidden && <span className="visually-hidden">{status.hidden}</span>}
          </p>
          {value && (
            <div className="medicine-search__chosen" id={chosenId}>
              <p>
                Usual adult dose: {value.adultDose}
                {value.controlledSchedule !== null && <> Schedule {value.controlledSchedule} controlled drug.</>}
              </p>
            </div>
          )}
        </div>
      )}
    </FormField>
  );
}
