import { useState } from 'react';
import { focusPageHeading } from '../components/focus-page-heading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { formatDateTime } from '../format/date-format';
import { useFormErrors } from '../forms/use-form-errors';
import { PatientRecordings } from '../recordings/PatientRecordings';
import { BreakGlassForm, type GrantedAccess } from './BreakGlassForm';

/**
 * Break-glass, for clinicians and clinic admins: open a patient's recordings that are not theirs to see, for
 * 30 minutes, by declaring why. The clinic's admins are alerted and the patient sees it, with the reason.
 */
export function BreakGlassPage() {
  const form = useFormErrors();
  const [granted, setGranted] = useState<GrantedAccess | null>(null);

  function showGranted(access: GrantedAccess) {
    setGranted(access);
    requestAnimationFrame(focusPageHeading);
  }

  function startAgain() {
    setGranted(null);
    requestAnimationFrame(focusPageHeading);
  }

  return (
    <Page title="Emergency access to recordings" hasErrors={form.hasAny}>
      {granted ? (
        <>
          <Notice kind="success">
            <p>
              Emergency access granted until <time dateTime={granted.expiresAt}>{formatDateTime(granted.expiresAt)}</time>. The
              patient and the clinic&apos;s administrators can see this.
            </p>
          </Notice>
          <p>
            Patient ID: <span className="break-anywhere">{granted.patientId}</span>
          </p>
          <PatientRecordings patientId={granted.patientId} emptyText="This patient has no recordings." />
          <p>
            <button type="button" className="link-button" onClick={startAgain}>
              Open another patient&apos;s recordings
            </button>
          </p>
        </>
      ) : (
        <>
          <p>
            Use this only when you need a patient&apos;s consultation recordings and they are not in your care (for example
            a medical emergency or a complaint investigation). You must give a reason. Access lasts 30 minutes, the
            clinic&apos;s administrators are alerted, and the patient sees who opened their recordings and why.
          </p>
          <BreakGlassForm form={form} onGranted={showGranted} />
        </>
      )}
    </Page>
  );
}
