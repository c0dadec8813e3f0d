import { z } from 'zod';
import { ROLES } from '@confide/domain';

export const AUDIT_ACTIONS = [
  'presented',
  'viewed',
  'created',
  'updated',
  'deleted',
  'denied',
  'login',
  'login_failed',
  'logout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One access to a patient's data, as the patient sees it in their access history. */
export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    isYou: z.boolean(),
    name: z.string(),
    role: z.enum(ROLES).nullable(),
  }),
  action: z.enum(AUDIT_ACTIONS),
  resourceType: z.string(),
  description: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  /** Access under break-glass (declared, time-limited), with the reason given. */
  breakGlass: z.boolean(),
  reason: z.string().nullable(),
  /** For a recording or consultation: which one; for a playback, how much of it was played. */
  recording: z.object({
    startedAt: z.string(),
    clinicianName: z.string(),
    /** Seconds of the recording sent to the viewer (from the byte ranges served), null if not a playback. */
    secondsPlayed: z.number().nullable(),
    ofSeconds: z.number().nullable(),
  }).nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
export const AccessLog = z.object({ items: z.array(AccessLogEntry), nextCursor: z.string().nullable() });
export type AccessLog = z.infer<typeof AccessLog>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
