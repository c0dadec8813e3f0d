import { useState } from 'react';
import { API, RevokeSigningKeyRequest, type RevokeSigningKeyResult, type SigningKey } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { useApi } from '../api/use-api';
import { ReasonDisclosure } from '../components/ReasonDisclosure';
import { ReasonFormFields } from '../components/ReasonFormFields';
import { keyDescription } from '../format/signing-key-text';
import { useReasonForm } from '../forms/use-reason-form';

/** How revoking went: revoked now, or someone had revoked it already (the list is out of date). */
export type RevokeOutcome = { status: 'revoked'; result: RevokeSigningKeyResult } | { status: 'already-revoked' };

interface RevokeSigningKeyFormProps {
  signingKey: SigningKey;
  onDone: (outcome: RevokeOutcome) => void;
}

/** The Revoke button for one key, and the reason form it opens. */
export function RevokeSigningKeyForm({ signingKey, onDone }: RevokeSigningKeyFormProps) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const formId = `revoke-${signingKey.id}`;
  const fieldId = `revoke-reason-${signingKey.id}`;
  const form = useReasonForm<RevokeOutcome>({
    fieldId,
    apiField: 'reason',
    schema: RevokeSigningKeyRequest.shape.reason,
    send: async (reason) => {
      try {
        return { status: 'revoked', result: await api.post<RevokeSigningKeyResult>(API.adminRevokeSigningKey(signingKey.id), { reason }) };
      } catch (error) {
        if (isApiProblem(error) && error.code === 'already_revoked') return { status: 'already-revoked' };
        throw error;
      }
    },
    onDone: (outcome) => {
      setOpen(false);
      onDone(outcome);
    },
  });

  return (
    <ReasonDisclosure id={formId} fieldId={fieldId} open={open} onToggle={() => setOpen((o) => !o)} label="Revoke" context={keyDescription(signingKey)}>
      <ReasonFormFields
        form={form}
        fieldId={fieldId}
        summaryId={`${formId}-errors`}
        label="Why are you revoking this key?"
        hint="For example, a lost laptop or a shared password. It is recorded, and the prescriber can read it. A revoked key cannot be used again."
        submitText="Revoke key"
        busyText="Revoking the key…"
        warning
      />
    </ReasonDisclosure>
  );
}
