import type { ReasonForm } from '../forms/use-reason-form';
import { ErrorSummary } from './ErrorSummary';
import { SubmitButton } from './SubmitButton';
import { TextAreaField } from './TextAreaField';

interface ReasonFormFieldsProps {
  form: ReasonForm;
  /** The text area's id (the same `fieldId` given to useReasonForm). */
  fieldId: string;
  /** The error summary's id, unique on the page. */
  summaryId: string;
  label: string;
  hint: string;
  submitText: string;
  busyText: string;
  /** Red button, for a step that cannot be undone. */
  warning?: boolean;
}

/** The error summary, one text area and its button: what useReasonForm drives (closing an incident, cancelling, declining). */
export function ReasonFormFields({ form, fieldId, summaryId, label, hint, submitText, busyText, warning }: ReasonFormFieldsProps) {
  return (
    <>
      <ErrorSummary items={form.summary} focusKey={form.attempt} id={summaryId} />
      <form onSubmit={form.handleSubmit} noValidate className="form">
        <TextAreaField id={fieldId} label={label} hint={hint} rows={3} value={form.text} onChange={form.setText} error={form.error} spellCheck />
        <SubmitButton busy={form.busy} busyText={busyText} warning={warning}>
          {submitText}
        </SubmitButton>
      </form>
    </>
  );
}
