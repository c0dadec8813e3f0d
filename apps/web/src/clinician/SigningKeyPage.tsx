import { useEffect, useRef, useState } from 'react';
import { API, type SigningKey, type SigningKeyList } from '@confide/contract';
import { useApi } from '../api/use-api';
import { useLiveResource } from '../api/use-live-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ErrorSummary } from '../components/ErrorSummary';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SummaryList } from '../components/SummaryList';
import { TableCell } from '../components/TableCell';
import { summaryItems } from '../forms/field-errors';
import { useFormErrors } from '../forms/use-form-errors';
import { CLINIC_TIME, formatDateAndTime } from '../format/clinic-time';
import { KEY_REPLACED, keyInUse, NO_KEY_IN_USE, NO_KEY_YET, revokedText } from '../format/signing-key-text';
import { AuthenticatorCodeForm } from './AuthenticatorCodeForm';
import { REPLACE_KEY_CODE_HINT, settleSigning, type Signing } from './second-factor';
import { useSecondFactor } from './use-second-factor';

const CODE_FIELD = 'replace-key-code';

/** Replacing the key in use, with the authenticator code if the API asks for it first (as signing does). */
function ReplaceSigningKey({ onReplaced }: { onReplaced: (key: SigningKey) => void }) {
  const api = useApi();
  const secondFactor = useSecondFactor();
  const form = useFormErrors();
  const [busy, setBusy] = useState<'replacing' | 'confirming' | null>(null);

  async function replace(step: 'replacing' | 'confirming', attempt: (send: () => Promise<SigningKey>) => Promise<Signing<SigningKey>>) {
    if (busy) return;
    setBusy(step);
    try {
      const outcome = await attempt(() => api.post<SigningKey>(API.mySigningKeys, {}));
      const replaced = settleSigning(outcome, step === 'confirming' ? 'confirming' : 'first', form, CODE_FIELD);
      if (replaced) {
        setBusy(null);
        onReplaced(replaced);
        return;
      }
    } catch (error) {
      form.showProblem(error);
    }
    setBusy(null);
  }

  return (
    <>
      <ErrorSummary items={summaryItems(form.errors, [CODE_FIELD], form.formError)} focusKey={form.attempt} id="replace-key-errors" />
      <button
        type="button"
        className="button"
        onClick={() => void replace('replacing', (send) => secondFactor.sign(send))}
        aria-busy={busy === 'replacing'}
        aria-disabled={busy !== null || undefined}
      >
        {busy === 'replacing' ? 'Replacing…' : 'Replace signing key'}
      </button>
      {secondFactor.asking && (
        <AuthenticatorCodeForm
          id={CODE_FIELD}
          secondFactor={secondFactor}
          error={form.errors[CODE_FIELD]}
          busy={busy === 'confirming'}
          hint={REPLACE_KEY_CODE_HINT}
          submitText="Confirm and replace key"
          busyText="Replacing…"
          onSubmit={(event) => {
            event.preventDefault();
            void replace('confirming', (send) => secondFactor.confirmAndSign(send));
          }}
        />
      )}
    </>
  );
}

function KeyInUse({ keys, onReplaced }: { keys: SigningKey[]; onReplaced: (key: SigningKey) => void }) {
  const key = keyInUse(keys);
  return (
    <section aria-labelledby="key-in-use-heading">
      <h2 id="key-in-use-heading">Your key in use</h2>
      {key ? (
        <>
          <SummaryList
            rows={[
              { term: 'Created', value: <time dateTime={key.createdAt}>{formatDateAndTime(key.createdAt)}</time> },
              { term: 'Fingerprint', value: <KeyFingerprint thumbprint={key.thumbprint} /> },
            ]}
          />
          <ReplaceSigningKey onReplaced={onReplaced} />
        </>
      ) : (
        <p>{keys.length === 0 ? NO_KEY_YET : NO_KEY_IN_USE}</p>
      )}
    </section>
  );
}

function EarlierKeys({ keys }: { keys: SigningKey[] }) {
  return (
    <section aria-labelledby="earlier-keys-heading">
      <h2 id="earlier-keys-heading">Earlier keys</h2>
      {keys.length === 0 ? (
        <p>You have no earlier keys.</p>
      ) : (
        <ResponsiveTable id="earlier-keys" caption="Your earlier signing keys, newest first" captionHidden columns={['Created', 'Stopped', 'Revoked', 'Fingerprint']}>
          {keys.map((key) => (
            <tr role="row" key={key.id}>
              <TableCell column="Created" rowHeader>
                <time dateTime={key.createdAt}>{formatDateAndTime(key.createdAt)}</time>
              </TableCell>
              <TableCell column="Stopped">
                {key.retiredAt ? <time dateTime={key.retiredAt}>{formatDateAndTime(key.retiredAt)}</time> : 'Not recorded'}
              </TableCell>
              <TableCell column="Revoked" className="reason-text">
                {revokedText(key)}
              </TableCell>
              <TableCell column="Fingerprint">
                <KeyFingerprint thumbprint={key.thumbprint} />
              </TableCell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}

/**
 * The prescriber's signing key: the one in use (replacing it needs a fresh authenticator code, as signing does),
 * and the earlier ones, which sign nothing more but still verify what they signed unless revoked.
 */
export function SigningKeyPage() {
  const list = useLiveResource<SigningKeyList>(API.mySigningKeys);
  const [replaced, setReplaced] = useState<string | null>(null);
  const replacedRef = useRef<HTMLParagraphElement>(null);

  // The code form (and the focus in it) has gone: say what happened, and continue from there.
  useEffect(() => {
    if (replaced) replacedRef.current?.focus();
  }, [replaced]);

  function handleReplaced(key: SigningKey) {
    setReplaced(key.id);
    void list.refresh();
  }

  return (
    <Page title="Signing key">
      {replaced && (
        <Notice kind="success">
          <p tabIndex={-1} ref={replacedRef}>
            {KEY_REPLACED}
          </p>
        </Notice>
      )}
      <p>
        Your prescriptions are signed with this key. Pharmacies check the signature before they dispense a prescription, so
        they know it came from you and has not been changed.
      </p>
      <p>
        Replace your key if you think someone else may have used your account or device. Prescriptions you signed before
        still verify.
      </p>
      <p className="secondary-text">Times are {CLINIC_TIME}.</p>
      <AsyncContent resource={list.resource} loadingText="Loading your signing key…" failureText="Your signing key could not be loaded." onRetry={list.reload}>
        {({ keys }) => {
          const inUse = keyInUse(keys);
          return (
            <>
              <KeyInUse keys={keys} onReplaced={handleReplaced} />
              <EarlierKeys keys={keys.filter((key) => key !== inUse)} />
            </>
          );
        }}
      </AsyncContent>
    </Page>
  );
}
