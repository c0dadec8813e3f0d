import type { ReactNode } from 'react';
import { fieldDescription } from './field-description';
import { FieldError } from './FieldError';

export interface CheckboxOption<V extends string> {
  value: V;
  label: string;
}

interface CheckboxGroupProps<V extends string> {
  /** The group's name; the first checkbox has this id, so error summary links land on it. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  values: readonly V[];
  onChange: (values: V[]) => void;
  options: readonly CheckboxOption<V>[];
}

/** Any number of choices from a few, as checkboxes in a fieldset whose legend asks the question. */
export function CheckboxGroup<V extends string>({ id, legend, hint, error, values, onChange, options }: CheckboxGroupProps<V>) {
  const { hintId, errorId, describedBy } = fieldDescription(id, Boolean(hint), error);

  function toggle(value: V, checked: boolean) {
    // Kept in the options' order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => (v === value ? checked : values.includes(v))));
  }

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="label">{legend}</legend>
        {hint && (
          <div className="hint" id={hintId}>
            {hint}
          </div>
        )}
        <FieldError id={errorId} error={error} />
        <div className="checkboxes">
          {options.map((option, index) => {
            const checkboxId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="checkbox" key={option.value}>
                <input
                  className="checkbox__input"
                  type="checkbox"
                  id={checkboxId}
                  name={id}
                  value={option.value}
                  checked={values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <label className="checkbox__label" htmlFor={checkboxId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
