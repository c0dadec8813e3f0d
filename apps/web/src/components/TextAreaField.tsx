import type { TextareaHTMLAttributes } from 'react';
import { FormField, type StringFieldProps } from './FormField';

type NativeTextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'value' | 'onChange' | 'children'>;

type TextAreaFieldProps = NativeTextAreaProps & StringFieldProps;

/** A labelled multi-line answer, with its hint and inline error joined to it. */
export function TextAreaField({ id, label, hint, error, value, onChange, rows = 5, ...props }: TextAreaFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...props}
          {...control}
          className={error ? 'textarea input--error' : 'textarea'}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
