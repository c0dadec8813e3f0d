import { API, CloseIncidentRequest, type Incident } from '@confide/contract';
import { useApi } from '../api/use-api';
import { useReasonForm } from '../forms/use-reason-form';
import { ReasonFormFields } from '../components/ReasonFormFields';

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
    <ReasonFormFields
      form={form}
      fieldId={fieldId}
      summaryId={`close-${incident.id}-errors`}
      label="Resolution"
      hint="What you found, and what was done about it. It is kept with the incident."
      submitText="Close incident"
      busyText="Closing the incident…"
    />
  );
}
