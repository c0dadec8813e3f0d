import { useState, type FormEvent } from 'react';
import { isApiProblem } from '../api/api-problem';
import type { StringFieldProps } from '../components/FormField';
import { renameFields } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import type { Checked } from './availability-forms';

/** What a field takes from the form: its input id, value, change handler and inline error. */
export type FieldProps = Omit<StringFieldProps, 'label' | 'hint'>;

interface AddFormOptions<V, R, T> {
  initialValues: () => V;
  /** Checks the values: the request to send, or the errors to show. */
  check: (values: V) => Checked<R>;
  send: (request: R) => Promise<T>;
  /** The API's field names → this form's input ids, for the field errors the server sends back. */
  fieldIds: Record<string, string>;
  /** Names what was added, to follow "Added". */
  describe: (added: T) => string;
  /** The values to start the next one from, once one is added. */
  afterAdding: (values: V) => V;
  onAdded: (added: T) => void;
}

/** A form that adds one thing at a time: its values and errors, and a submit that checks, sends and says what was added. */
export function useAddForm<V extends Record<keyof V, string>, R, T>(options: AddFormOptions<V, R, T>) {
  const form = useFormErrors();
  const [values, setValues] = useState<V>(options.initialValues);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const set = (name: keyof V) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setAdded(null);
  };
  const field = (name: keyof V, id: string): FieldProps => ({ id, value: values[name], onChange: set(name), error: form.errors[id] });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const checked = options.check(values);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const item = await options.send(checked.request);
      form.clear();
      options.onAdded(item);
      setAdded(`Added ${options.describe(item)}.`);
      setValues(options.afterAdding);
    } catch (error) {
      if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, options.fieldIds));
      else form.showProblem(error);
    }
    setBusy(false);
  }

  return { form, values, set, field, busy, added, handleSubmit };
}
