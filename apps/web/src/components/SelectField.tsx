import type { ReactNode } from 'react';
import { fieldDescription } from './field-description';
import { FieldError } from './FieldError';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  /** Also the select's `name` and the target of error summary links. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose an appointment type", for when nothing is chosen yet. */
  placeholder?: string;
}

/** A labelled drop-down list, with its hint and inline error joined to it. */
export function SelectField({ id, label, hint, error, value, onChange, options, placeholder }: SelectFieldProps) {
  const { hintId, errorId, describedBy } = fieldDescription(id, Boolean(hint), error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      <FieldError id={errorId} error={error} />
      <select
        className={error ? 'select input--error' : 'select'}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
