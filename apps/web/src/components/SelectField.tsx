import { FormField, type StringFieldProps } from './FormField';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends StringFieldProps {
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose an appointment type", for when nothing is chosen yet. */
  placeholder?: string;
}

/** A labelled drop-down list, with its hint and inline error joined to it. */
export function SelectField({ id, label, hint, error, value, onChange, options, placeholder }: SelectFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select
          {...control}
          className={error ? 'select input--error' : 'select'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
