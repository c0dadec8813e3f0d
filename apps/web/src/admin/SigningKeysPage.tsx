import { useEffect, useRef, useState } from 'react';
import { API, type SigningKey, type SigningKeyList } from '@confide/contract';
import { useLiveResource } from '../api/use-live-resource';
import { AsyncContent } from '../components/AsyncContent';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { CLINIC_TIME, formatDateAndTime } from '../format/clinic-time';
import { ALREADY_REVOKED, keysByPrescriber, keyStatusText, possessive, revokedNoticeText, type PrescriberKeys } from '../format/signing-key-text';
import { RevokeSigningKeyForm, type RevokeOutcome } from './RevokeSigningKeyForm';

interface SigningKeyCardProps {
  signingKey: SigningKey;
  onRevokeDone: (outcome: RevokeOutcome) => void;
}

/** One key: when it was made, where it stands, its fingerprint, and revoking it unless it is revoked already. */
function SigningKeyCard({ signingKey, onRevokeDone }: SigningKeyCardProps) {
  return (
    <li className="card">
      <h3 className="card__title">
        Key created <time dateTime={signingKey.createdAt}>{formatDateAndTime(signingKey.createdAt)}</time>
      </h3>
      <SummaryList
        rows={[
          { term: 'Status', value: <span className="reason-text">{keyStatusText(signingKey)}</span> },
          { term: 'Fingerprint', value: <KeyFingerprint thumbprint={signingKey.thumbprint} /> },
        ]}
      />
      {!signingKey.revokedAt && <RevokeSigningKeyForm signingKey={signingKey} onDone={onRevokeDone} />}
    </li>
  );
}

function PrescriberSigningKeys({ group, onRevokeDone }: { group: PrescriberKeys; onRevokeDone: (outcome: RevokeOutcome) => void }) {
  const headingId = `prescriber-${group.prescriber.id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{group.prescriber.name}</h2>
      <ul className="card-list" aria-label={`${possessive(group.prescriber.name)} keys, newest first`}>
        {group.keys.map((key) => (
          <SigningKeyCard key={key.id} signingKey={key} onRevokeDone={onRevokeDone} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Every prescriber's signing keys, for revoking one that may have been used by someone else: what it signed that is
 * not yet dispensed can then not be dispensed, and the prescriber's next prescription gets a new key.
 */
export function SigningKeysPage() {
  const list = useLiveResource<SigningKeyList>(API.adminSigningKeys);
  const [done, setDone] = useState<{ kind: 'success' | 'info'; text: string; at: number } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  // The reason form (and the focus in it) has gone: say what happened, and continue from there.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  function handleRevokeDone(outcome: RevokeOutcome) {
    if (outcome.status === 'revoked') {
      const revoked = outcome.result.key;
      list.update((l) => ({ keys: l.keys.map((key) => (key.id === revoked.id ? revoked : key)) }));
      setDone({ kind: 'success', text: revokedNoticeText(outcome.result), at: Date.now() });
    } else {
      setDone({ kind: 'info', text: ALREADY_REVOKED, at: Date.now() });
    }
    void list.refresh();
  }

  return (
    <Page title="Signing keys">
      {done && (
        <Notice kind={done.kind}>
          <p tabIndex={-1} ref={doneRef}>
            {done.text}
          </p>
        </Notice>
      )}
      <p>
        Each prescriber signs their prescriptions with their own key, so pharmacies can check a prescription came from
        them. Revoke a key if it may have been used by someone else.
      </p>
      <p>
        Prescriptions signed with a revoked key that are not yet dispensed can then not be dispensed: the prescriber must
        issue them again. The prescriber’s next prescription is signed with a new key.
      </p>
      <p className="secondary-text">Times are {CLINIC_TIME}.</p>
      <AsyncContent resource={list.resource} loadingText="Loading signing keys…" failureText="The signing keys could not be loaded." onRetry={list.reload}>
        {({ keys }) =>
          keys.length === 0 ? (
            <p>No prescriber has a signing key yet. Each one is made when its prescriber signs their first prescription.</p>
          ) : (
            keysByPrescriber(keys).map((group) => <PrescriberSigningKeys key={group.prescriber.id} group={group} onRevokeDone={handleRevokeDone} />)
          )
        }
      </AsyncContent>
    </Page>
  );
}
