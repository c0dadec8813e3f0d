import type { Config } from '../config/config';
import type { Databases } from '../db/database';
import type { DataFaults } from '../db/with-principal';
import type { PasswordHasher } from '../identity/passwords';
import type { CallRecorder } from '../calls/call-recorder';
import type { PaymentProvider } from '../payments/payment-provider';

/**
 * Test-only faults. They reach the app only through buildApp's arguments, never from configuration, so
 * production cannot switch a guard off.
 */
export interface Faults extends DataFaults {
  /** Skip the policy module's decisions (the database's row-level security must then stop everything alone). */
  policyOff?: boolean;
}

export interface ServiceDeps {
  readonly dbs: Databases;
  readonly config: Config;
  readonly hasher: PasswordHasher;
  readonly faults: Faults;
  /** Takes private payments; null when private pay is off. */
  readonly payments: PaymentProvider | null;
  /** Records each participant's media during calls; null when recording is off. */
  readonly recorder: CallRecorder | null;
}
