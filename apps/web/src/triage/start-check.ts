import type { Dispatch } from 'react';
import { isApiProblem } from '../api/api-problem';
import { problemMessage } from '../api/problem-message';
import { renameFields } from '../forms/field-errors';
import type { useFormErrors } from '../forms/use-form-errors';
import type { ChatAction, TriageStart } from './triage-chat';
import { checkStart, START_FIELD_NAMES, type StartDraft } from './triage-start';

/**
 * Starting a check, the same for the public and the patient's page: the form checked, the conversation opened, then
 * `begin` (the first call to the server); if that fails, back to the form as it was typed, with what went wrong.
 */
export async function startCheck(
  draft: StartDraft, form: ReturnType<typeof useFormErrors>, dispatch: Dispatch<ChatAction>, begin: (start: TriageStart) => Promise<void>,
): Promise<void> {
  const checked = checkStart(draft);
  if (!checked.ok) {
    form.show(checked.errors);
    return;
  }
  form.clear();
  dispatch({ type: 'start', start: checked.start });
  try {
    await begin(checked.start);
  } catch (error) {
    dispatch({ type: 'reset' });
    if (isApiProblem(error) && error.hasFieldErrors) form.show(renameFields(error.fieldErrors, START_FIELD_NAMES));
    else form.show({}, problemMessage(error));
  }
}
