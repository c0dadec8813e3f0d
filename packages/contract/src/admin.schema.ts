import { z } from 'zod';
import { ROLES, PROFESSIONS } from '@confide/domain';

export const StaffMember = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  profession: z.enum(PROFESSIONS).nullable(),
  registrationNumber: z.string().nullable(),
  organisationName: z.string().nullable(),
  mfaEnrolled: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ items: z.array(StaffMember) });
export type StaffList = z.infer<typeof StaffList>;

export const OutboxMessage = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxList = z.object({ items: z.array(OutboxMessage) });
export type OutboxList = z.infer<typeof OutboxList>;
