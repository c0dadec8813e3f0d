import { useState, type FormEvent } from 'react';
import { API, SetFeatureRequest, type FeatureState } from '@confide/contract';
import { useApi } from '../api/use-api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Notice } from '../components/Notice';
import { SubmitButton } from '../components/SubmitButton';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { TextAreaField } from '../components/TextAreaField';
import { formatDateTime } from '../format/date-format';
import { FEATURE_LABELS } from '../format/feature-labels';
import { useReasonForm } from '../forms/use-reason-form';

/** "Turned off by Ann Admin at 23 Nov 2026, 14:05: Provider outage", or null if it has never been switched. */
function lastChangeText(state: FeatureState): string | null {
  if (!state.changedAt) return null;
  const by = state.changedBy ? ` by ${state.changedBy}` : '';
  const why = state.reason ? `: ${state.reason}` : '';
  return `Turned ${state.enabled ? 'on' : 'off'}${by} at ${formatDateTime(state.changedAt)}${why}`;
}

interface FeatureSwitchCardProps {
  state: FeatureState;
  onChanged: (state: FeatureState) => void;
}

/** One service: whether it is on, its last change, and a form to turn it off (or on) giving a reason. */
export function FeatureSwitchCard({ state, onChanged }: FeatureSwitchCardProps) {
  const api = useApi();
  const [done, setDone] = useState<string | null>(null);
  const { feature, enabled } = state;
  const name = FEATURE_LABELS[feature];
  const turnTo = enabled ? 'off' : 'on';
  const form = useReasonForm<FeatureState>({
    fieldId: `reason-${feature}`,
    apiField: 'reason',
    schema: SetFeatureRequest.shape.reason,
    send: async (reason) => {
      const request: SetFeatureRequest = { enabled: !enabled, reason };
      return (await api.put<FeatureState>(API.adminFeature(feature), request)).data;
    },
    onDone: (changed) => {
      onChanged(changed);
      setDone(`${FEATURE_LABELS[changed.feature]} is now ${changed.enabled ? 'on' : 'off'}.`);
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    setDone(null);
    form.handleSubmit(event);
  }

  const headingId = `switch-${feature}-heading`;
  const lastChange = lastChangeText(state);
  const rows: SummaryRow[] = [
    { term: 'State', value: enabled ? 'On' : <strong className="tag tag--flush">Off</strong> },
    { term: 'Last change', value: lastChange ?? 'Never switched' },
  ];

  return (
    <article className={enabled ? 'card' : 'card card--off'} aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {name}
      </h2>
      <SummaryList rows={rows} />
      <ErrorSummary items={form.summary} focusKey={form.attempt} id={`switch-${feature}-errors`} />
      {done && <Notice kind="success">{done}</Notice>}
      <form onSubmit={handleSubmit} noValidate className="form">
        <TextAreaField
          id={`reason-${feature}`}
          label={`Reason for turning ${name} ${turnTo}`}
          hint="Say briefly why. It is recorded with the change and shown here."
          rows={3}
          value={form.text}
          onChange={form.setText}
          error={form.error}
          spellCheck
        />
        <SubmitButton busy={form.busy} busyText={`Turning ${name} ${turnTo}…`} warning={enabled}>
          {`Turn ${name} ${turnTo}`}
        </SubmitButton>
      </form>
    </article>
  );
}
