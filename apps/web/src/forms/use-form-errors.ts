import { useCallback, useState } from 'react';
import { isApiProblem } from '../api/api-problem';
import { problemMessage } from '../api/problem-message';
import type { FieldErrors } from './field-errors';

export interface FormErrors {
  /** Inline errors by field id. */
  errors: FieldErrors;
  /** A problem with the form as a whole, shown only in the error summary. */
  formError: string | null;
  /** Goes up on every failed submit, so the error summary takes focus again. */
  attempt: number;
  hasAny: boolean;
  show(errors: FieldErrors, formError?: string | null): void;
  /** Show what an API failure says: its field errors if it has any, otherwise its message. */
  showProblem(error: unknown): void;
  clear(): void;
}

export function useFormErrors(): FormErrors {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const show = useCallback((next: FieldErrors, nextFormError: string | null = null) => {
    setErrors(next);
    setFormError(nextFormError);
    setAttempt((n) => n + 1);
  }, []);

  const showProblem = useCallback(
    (error: unknown) => {
      if (isApiProblem(error) && error.hasFieldErrors) show(error.fieldErrors);
      else show({}, problemMessage(error));
    },
    [show],
  );

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  const hasAny = formError !== null || Object.keys(errors).length > 0;
  return { errors, formError, attempt, hasAny, show, showProblem, clear };
}
