import { z } from 'zod';
import { PROFESSIONS } from '@confide/domain';
import { Uuid } from './common.schema';

/** One consultation's recording as listed in Consultation Replays (newest first). */
export const ReplaySummary = z.object({
  consultationId: Uuid,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Seconds of recording held. */
  durationSeconds: z.number(),
  clinician: z.object({ name: z.string(), profession: z.enum(PROFESSIONS).nullable() }),
  appointmentType: z.object({ name: z.string(), mode: z.enum(['audio', 'video']) }),
  hasVideo: z.boolean(),
});
export type ReplaySummary = z.infer<typeof ReplaySummary>;
export const ReplayList = z.object({ items: z.array(ReplaySummary), nextCursor: z.string().nullable() });
export type ReplayList = z.infer<typeof ReplayList>;
export const ReplayListQuery = z.object({
  cursor: z.string().regex(/^[0-9]{13}_[0-9a-f-]{36}$/, 'Use the nextCursor value from the previous page.').optional(),
});

/** Starting (or, with `viewingId`, continuing) playback of a recording. */
export const StartReplayRequest = z.object({
  /** A viewing already started in this session, to get a fresh media link for it (links last 5 minutes). */
  viewingId: Uuid.optional(),
});
export type StartReplayRequest = z.input<typeof StartReplayRequest>;
export const ReplayTrack = z.object({
  participant: z.enum(['patient', 'clinician']),
  /** Whose media it is, e.g. the patient's name or "Dr Asha Patel". */
  name: z.string(),
  hasVideo: z.boolean(),
  durationSeconds: z.number(),
  /** The media link: works only in this session, until `linkExpiresAt` (at most 5 minutes). Supports Range. */
  src: z.string(),
});
export type ReplayTrack = z.infer<typeof ReplayTrack>;
/** One playback: each participant's track, to be played together on the consultation's time line. */
export const ReplayPlayback = z.object({
  viewingId: Uuid,
  consultationId: Uuid,
  startedAt: z.string(),
  durationSeconds: z.number(),
  linkExpiresAt: z.string(),
  /** Opened under break-glass (time-limited, shown to the patient). */
  breakGlass: z.boolean(),
  tracks: z.array(ReplayTrack),
});
export type ReplayPlayback = z.infer<typeof ReplayPlayback>;

// Kill switches: capabilities a clinic admin can turn off at run time, on every server within seconds.
export const FEATURES = ['replays', 'recording', 'booking', 'chat', 'prescribing'] as const;
export type Feature = (typeof FEATURES)[number];
export const FeatureState = z.object({
  feature: z.enum(FEATURES),
  enabled: z.boolean(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export type FeatureState = z.infer<typeof FeatureState>;
export const FeatureList = z.object({ items: z.array(FeatureState) });
export type FeatureList = z.infer<typeof FeatureList>;
export const SetFeatureRequest = z.object({
  enabled: z.boolean(),
  reason: z.string().trim().min(3, 'Say briefly why (it is recorded).').max(500),
});
export type SetFeatureRequest = z.input<typeof SetFeatureRequest>;

// Incidents: a cross-patient exposure caught by the tripwire, or a break-glass access.
export const IncidentResource = z.object({ type: z.string(), id: z.string(), patientId: Uuid });
export const Incident = z.object({
  id: Uuid,
  kind: z.enum(['cross_patient_exposure']),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  actor: z.object({ userId: Uuid.nullable(), name: z.string().nullable(), role: z.string().nullable() }),
  route: z.string(),
  requestId: z.string().nullable(),
  /** What the response would have exposed: nothing was served. */
  resources: z.array(IncidentResource),
  patientIds: z.array(Uuid),
  bytesServed: z.number().int(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;
export const IncidentList = z.object({ items: z.array(Incident) });
export type IncidentList = z.infer<typeof IncidentList>;
export const IncidentQuery = z.object({ status: z.enum(['open', 'closed', 'all']).default('all') });
export const CloseIncidentRequest = z.object({ resolution: z.string().trim().min(3, 'Describe what was found and done.').max(2000) });
