import type { Formulary } from '@confide/prescribing';
import type { SymptomChecker } from '@confide/triage';
import type { Config } from '../config/config';
import type { Databases } from '../db/database';
import type { DataFaults } from '../db/with-principal';
import type { PasswordHasher } from '../identity/passwords';
import type { CallRecorder } from '../calls/call-recorder';
import type { FeatureSwitches } from '../features/feature-switches';
import type { PaymentProvider } from '../payments/payment-provider';
import type { KeyProvider } from '../recordings/key-provider';
import type { MediaStreams } from '../recordings/media-streams';
import type { BlobStore } from '../storage/blob-store';
import type { Tripwire } from '../tripwire/tripwire';

/**
 * Test-only faults. They reach the app only through buildApp's arguments, never from configuration, so
 * production cannot switch a guard off.
 */
export interface Faults extends DataFaults {
  /** Skip the policy module's decisions (the database's row-level security must then stop everything alone). */
  policyOff?: boolean;
  /** Skip the tripwire's check of outgoing responses (to show what it stops). */
  tripwireOff?: boolean;
  /** The replay listing forgets its patient filter — the reference breach, as a mis-assigned recording would show. */
  replayListingLeak?: boolean;
  /** Replay media picks the newest composed tracks, whoever's they are — a mis-assigned recording, at playback. */
  replayMediaMixup?: boolean;
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
  /** The last check on every outgoing response (REST, WebSocket, media). */
  readonly tripwire: Tripwire;
  /** Run-time kill switches, as last seen by this server. */
  readonly features: FeatureSwitches;
  /** Where recordings are kept, encrypted, and the key provider that wraps their keys. */
  readonly recordings: { readonly blobs: BlobStore; readonly keys: KeyProvider };
  /** The symptom checker (its knowledge base loaded and checked at start). */
  readonly symptomChecker: SymptomChecker;
  /** Replay media being streamed now (ended at once when Consultation Replays is switched off). */
  readonly mediaStreams: MediaStreams;
  /** The shipped formulary and interaction table (loaded and checked at start). */
  readonly formulary: Formulary;
}
