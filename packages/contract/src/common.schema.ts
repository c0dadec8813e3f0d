import { z } from 'zod';

export const Uuid = z.uuid();
export const IsoDate = z.iso.date();

/** RFC 9457 problem details, as every error from the API is rendered. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** Machine-readable reason, e.g. `totp_required`. */
  code: z.string().optional(),
  /** One entry per invalid field, `field` in dotted form such as `body.email`. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** The meta element in which the server names its clinic time zone (`CLINIC_TIME_ZONE`) in every page it serves. */
export const CLINIC_TIME_ZONE_META = 'confide-clinic-time-zone';
