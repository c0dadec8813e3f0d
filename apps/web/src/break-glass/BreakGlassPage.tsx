import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { focusPageHeading } from '../components/focus-page-heading';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { formatDateTime } from '../format/date-format';
import { useFormErrors } from '../forms/use-form-errors';
import { PatientRecordings } from '../recordings/PatientRecordings';
import { replayBasePath } from '../recordings/replay-paths';
import { useSignedInUser } from '../session/use-session';
import { readGrantedState, type GrantedAccess, type GrantedState } from './break-glass-request';
import { BreakGlassForm } from './BreakGlassForm';

/**
 * Break-glass, for clinicians and clinic admins: open a patient's recordings that are not theirs to see, for
 * 30 minutes, by declaring why. The clinic's admins are alerted and the patient sees it, with the reason.
 * The access granted is kept in the page's history state, so coming back from playing a recording (with the
 * player's back link, or the browser's) shows the recordings again while the access lasts.
 */
export function BreakGlassPage() {
  const user = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const form = useFormErrors();
  const [granted, setGranted] = useState<GrantedAccess | null>(() => readGrantedState(location.state, Date.now()));

  function showGranted(access: GrantedAccess) {
    setGranted(access);
    const state: GrantedState = { granted: access };
    void navigate(location.pathname, { replace: true, state });
    requestAnimationFrame(focusPageHeading);
  }

  function startAgain() {
    setGranted(null);
    void navigate(location.pathname, { replace: true, state: null });
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
          <PatientRecordings
            patientId={granted.patientId}
            emptyText="This patient has no recordings."
            playerBasePath={replayBasePath(user.role)}
            backTo={{ path: location.pathname, label: 'Back to emergency access', state: { granted } satisfies GrantedState }}
          />
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
