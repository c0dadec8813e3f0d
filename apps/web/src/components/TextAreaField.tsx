import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { fieldDescription } from './field-description';
import { FieldError } from './FieldError';

type NativeTextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'value' | 'onChange' | 'children'>;

interface TextAreaFieldProps extends NativeTextAreaProps {
  /** Also the textarea's `name` and the target of error summary links. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled multi-line answer, with its hint and inline error joined to it. */
export function TextAreaField({ id, label, hint, error, value, onChange, rows = 5, ...props }: TextAreaFieldProps) {
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
      <textarea
        {...props}
        className={error ? 'textarea input--error' : 'textarea'}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
