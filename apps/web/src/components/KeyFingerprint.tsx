import { shortFingerprint } from '../format/signing-key-text';

/**
 * A signing key's fingerprint, to compare by eye: its start in groups of 4, and the whole of it in a details
 * element for anyone who needs to check every character.
 */
export function KeyFingerprint({ thumbprint }: { thumbprint: string }) {
  return (
    <>
      <code>{shortFingerprint(thumbprint)}</code>
      <span aria-hidden="true">…</span>
      <details className="details key-fingerprint">
        <summary>Full fingerprint</summary>
        <p className="details__text">
          <code className="break-anywhere">{thumbprint}</code>
        </p>
      </details>
    </>
  );
}
