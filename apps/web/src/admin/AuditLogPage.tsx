import { useState } from 'react';
import { API, type AuditVerification } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { useApi } from '../api/use-api';
import { Page } from '../components/Page';
import { formatDateTime } from '../format/date-format';
import { AuditVerificationResult } from './AuditVerificationResult';

type Check =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: AuditVerification; at: string }
  | { status: 'failed'; message: string };

export function AuditLogPage() {
  const api = useApi();
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const running = check.status === 'running';

  async function runCheck() {
    if (running) return;
    setCheck({ status: 'running' });
    try {
      const result = await api.get<AuditVerification>(API.auditVerify);
      setCheck({ status: 'done', result, at: new Date().toISOString() });
    } catch (error) {
      setCheck({ status: 'failed', message: problemMessage(error) });
    }
  }

  return (
    <Page title="Audit log">
      <p>
        Confide records every time someone looks at or changes patient data. Each entry is linked to the one before it,
        so if anyone edits or deletes an old entry, the chain breaks.
      </p>
      <p>The check reads the whole log and confirms every link is still in place.</p>
      <button type="button" className="button" onClick={runCheck} aria-busy={running}>
        {running ? 'Checking the audit log…' : 'Check the audit log'}
      </button>

      <div role="status" className="result-region">
        {check.status === 'done' && (
          <>
            <AuditVerificationResult result={check.result} />
            <p className="hint">
              Checked at <time dateTime={check.at}>{formatDateTime(check.at)}</time>.
            </p>
          </>
        )}
        {check.status === 'failed' && (
          <div className="notice notice--error">
            <p>The check could not be run. {check.message}</p>
          </div>
        )}
      </div>
    </Page>
  );
}
