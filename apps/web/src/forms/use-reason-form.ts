import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { isApiProblem } from '../api/api-problem';
import { renameFields, summaryItems, type SummaryItem } from './field-errors';
import { useFormErrors } from './use-form-errors';

interface ReasonFormOptions<T> {
  /** The text area's id, unique on the page: `reason-booking`, `resolution-<incident id>`. */
  fieldId: string;
  /** What the API calls the text, for the field errors it sends back: `reason`, `resolution`. */
  apiField: string;
  /** Checks the text as the API will (trimmed, long enough), with the API's own messages. */
  schema: z.ZodType<string>;
  send: (text: string) => Promise<T>;
  onDone: (result: T) => void;
}

export interface ReasonForm {
  text: string;
  setText: (text: string) => void;
  /** The inline error for the text area. */
  error: string | undefined;
  /** The error summary's lines, and the key that moves focus to it after each failed submit. */
  summary: SummaryItem[];
  attempt: number;
  busy: boolean;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * A form of one text area and a button, repeated on each card of a list (why a service is switched, how an
 * incident was resolved): it checks the text, sends it, shows errors against the card's own field, and clears.
 */
export function useReasonForm<T>({ fieldId, apiField, schema, send, onDone }: ReasonFormOptions<T>): ReasonForm {
  const form = useFormErrors();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    const checked = schema.safeParse(text);
    if (!checked.success) {
      form.show({ [fieldId]: checked.error.issues[0]?.message ?? 'Enter a reason.' });
      return;
    }
    setBusy(true);
    try {
      const result = await send(checked.data);
      form.clear();
      setText('');
      setBusy(false);
      onDone(result);
    } catch (error) {
      setBusy(false);
      if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, { [apiField]: fieldId }));
      else form.showProblem(error);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void submit();
  }

  return {
    text,
    setText,
    error: form.errors[fieldId],
    summary: summaryItems(form.errors, [fieldId], form.formError),
    attempt: form.attempt,
    busy,
    handleSubmit,
  };
}
