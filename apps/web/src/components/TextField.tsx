import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FormField, type StringFieldProps } from './FormField';

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends NativeInputProps, StringFieldProps {
  ref?: Ref<HTMLInputElement>;
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
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <div className="input-row">
          <input
            {...inputProps}
            {...control}
            ref={ref}
            className={['input', widthClass, error ? 'input--error' : undefined].filter(Boolean).join(' ')}
            type={type}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          {after}
        </div>
      )}
    </FormField>
  );
}
