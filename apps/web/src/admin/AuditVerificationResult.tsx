import type { AuditVerification } from '@confide/contract';

const COUNT = new Intl.NumberFormat('en-GB');

function entries(n: number): string {
  return `${COUNT.format(n)} ${n === 1 ? 'entry' : 'entries'}`;
}

/** The outcome of checking the audit log's hash chain. */
export function AuditVerificationResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <div className="notice notice--success">
        <h2>The audit log is intact</h2>
        <p>
          {entries(result.entriesChecked)} checked. None has been changed, removed or put out of order.
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--error">
      <h2>The audit log has been changed</h2>
      <p>
        The check stopped after {entries(result.entriesChecked)}: an entry no longer matches the one before it.
        Report this to whoever is responsible for security at your clinic straight away.
      </p>
      {result.problem && <p>What was found: {result.problem}</p>}
      {result.firstBrokenId && (
        <p>
          First entry that does not match: <code className="break-anywhere">{result.firstBrokenId}</code>
        </p>
      )}
    </div>
  );
}
