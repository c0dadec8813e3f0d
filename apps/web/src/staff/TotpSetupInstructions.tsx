import type { TotpSetupResponse } from '@confide/contract';
import { groupSecret } from './group-secret';

/** Steps 1 and 2 of setting up two-step verification: get an app, then add Confide to it. */
export function TotpSetupInstructions({ setup }: { setup: TotpSetupResponse }) {
  return (
    <>
      <h2>1. Get an authenticator app</h2>
      <p>
        Install an authenticator app on your phone if you do not have one. Most work, for example Microsoft
        Authenticator, Google Authenticator or 1Password.
      </p>

      <h2>2. Add Confide to the app</h2>
      <p>In the app, choose to add an account, then scan this QR code.</p>
      <img
        className="qr-code"
        src={setup.qrCodeDataUrl}
        alt="QR code to scan with your authenticator app. If you cannot scan it, use the setup key below."
        width={200}
        height={200}
      />
      <p>If you cannot scan the QR code, choose to enter a setup key and type this key:</p>
      <p className="setup-key">
        <code aria-describedby="setup-key-hint">{groupSecret(setup.secret)}</code>
      </p>
      <p className="hint" id="setup-key-hint">
        The spaces are only there to make it easier to read. If the app asks what type of key it is, choose time-based.
      </p>
      <p>
        Using this device? <a href={setup.otpauthUri}>Open the setup link in your authenticator app</a>.
      </p>
    </>
  );
}
