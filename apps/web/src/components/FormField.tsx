import type { ReactNode } from 'react';
import { fieldDescription } from './field-description';
import { FieldError } from './FieldError';

/** What joins a control to its field: its id and name, and its hint and error through aria-describedby. */
export interface FieldControlProps {
  id: string;
  name: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** What every labelled field takes. */
export interface FieldLabelProps {
  /** The control's id and `name`, and the target of error summary links. */
  id: string;
  /** Usually plain text; may carry visually hidden words that make it clear out of context. */
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A field whose answer is one string, such as a text input, text area or drop-down list. */
export interface StringFieldProps extends FieldLabelProps {
  value: string;
  onChange: (value: string) => void;
}

interface FormFieldProps extends FieldLabelProps {
  /** Renders the control, spreading `control` onto it. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and inline error above it, joined to it by aria-describedby. */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
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
      {children({ id, name: id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}
