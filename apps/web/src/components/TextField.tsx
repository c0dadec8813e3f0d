import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends NativeInputProps {
  /** Also the input's `name` and the target of error summary links. */
  id: string;
  ref?: Ref<HTMLInputElement>;
  /** Usually plain text; may carry visually hidden words that make it clear out of context. */
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** A width class for short answers such as postcodes: `input--10` is about ten characters. */
  widthClass?: string;
  /** Extra content placed right after the input, such as a show-password button. */
  after?: ReactNode;
}

/** A labelled input with its hint and inline error joined to it by aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  widthClass,
  after,
  ref,
  type = 'text',
  ...inputProps
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

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
      {error && (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="input-row">
        <input
          {...inputProps}
          ref={ref}
          className={['input', widthClass, error ? 'input--error' : undefined].filter(Boolean).join(' ')}
          id={id}
          name={id}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
        {after}
      </div>
    </div>
  );
}
