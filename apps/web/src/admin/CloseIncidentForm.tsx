import { API, CloseIncidentRequest, type Incident } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SubmitButton } from '../components/SubmitButton';
import { TextAreaField } from '../components/TextAreaField';
import { useReasonForm } from './use-reason-form';

interface CloseIncidentFormProps {
  incident: Incident;
  onClosed: (incident: Incident) => void;
}

/** Closing an open incident, saying what was found and done. */
export function CloseIncidentForm({ incident, onClosed }: CloseIncidentFormProps) {
  const api = useApi();
  const fieldId = `resolution-${incident.id}`;
  const form = useReasonForm<Incident>({
    fieldId,
    apiField: 'resolution',
    schema: CloseIncidentRequest.shape.resolution,
    send: (resolution) => api.post<Incident>(API.adminIncidentClose(incident.id), { resolution }),
    onDone: onClosed,
  });

  return (
    <>
      <ErrorSummary items={form.summary} focusKey={form.attempt} id={`close-${incident.id}-errors`} />
      <form onSubmit={form.handleSubmit} noValidate className="form">
        <TextAreaField
          id={fieldId}
          label="Resolution"
          hint="What you found, and what was done about it. It is kept with the incident."
          rows={3}
          value={form.text}
          onChange={form.setText}
          error={form.error}
          spellCheck
        />
        <SubmitButton busy={form.busy} busyText="Closing the incident…">
          Close incident
        </SubmitButton>
      </form>
    </>
  );
}
