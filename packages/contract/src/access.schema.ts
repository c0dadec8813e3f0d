import { z } from 'zod';
import { isValidNhsNumber } from '@confide/domain';
import { IsoDate, Uuid } from './common.schema';
import { AppointmentType } from './appointments.schema';

export const RouteOption = z.discriminatedUnion('route', [
  z.object({ route: z.literal('nhs') }),
  z.object({ route: z.literal('partner'), membershipId: Uuid, partnerName: z.string(), planName: z.string() }),
  z.object({ route: z.literal('private'), pricePence: z.number().int() }),
]);
export type RouteOption = z.infer<typeof RouteOption>;

export const Membership = z.object({
  id: Uuid,
  partnerId: Uuid,
  partnerName: z.string(),
  planName: z.string(),
  memberNumber: z.string(),
  /** False once the partner has removed the member: no new bookings through it. */
  active: z.boolean(),
  linkedAt: z.string(),
});
export type Membership = z.infer<typeof Membership>;

/** A patient's routes to care and, per appointment type, how they may book it. */
export const MyAccess = z.object({
  nhs: z.object({ registered: z.boolean(), nhsNumber: z.string().nullable(), registeredAt: z.string().nullable() }),
  memberships: z.array(Membership),
  bookable: z.array(z.object({ appointmentType: AppointmentType, routes: z.array(RouteOption) })),
});
export type MyAccess = z.infer<typeof MyAccess>;

export const NhsRegistrationRequest = z.object({
  nhsNumber: z
    .string()
    .transform((v) => v.replace(/\s+/g, ''))
    .refine(isValidNhsNumber, 'Enter your 10-digit NHS number, like 943 476 5919. You can find it on an NHS letter or in the NHS App.'),
});
export type NhsRegistrationRequest = z.input<typeof NhsRegistrationRequest>;

export const MemberNumber = z.string().trim().regex(/^[A-Za-z0-9-]{1,32}$/, 'Enter the member number as shown on your membership card (letters, numbers and dashes).');

export const LinkMembershipRequest = z.object({
  partnerId: Uuid.describe('The insurer or employer, from the list of partners'),
  memberNumber: MemberNumber,
  dateOfBirth: IsoDate,
});
export type LinkMembershipRequest = z.input<typeof LinkMembershipRequest>;

export const Partner = z.object({ id: Uuid, name: z.string(), partnerType: z.enum(['insurer', 'employer']) });
export const PartnerList = z.object({ items: z.array(Partner) });
export type PartnerList = z.infer<typeof PartnerList>;

// Partner administration.
export const PartnerPlan = z.object({ id: Uuid, code: z.string(), name: z.string(), appointmentTypes: z.array(z.string()) });
export const PartnerPlanList = z.object({ items: z.array(PartnerPlan) });
export type PartnerPlanList = z.infer<typeof PartnerPlanList>;

export const PartnerMemberInput = z.object({
  givenName: z.string().trim().min(1, 'Enter the given name.').max(100),
  familyName: z.string().trim().min(1, 'Enter the family name.').max(100),
  dateOfBirth: IsoDate,
  /** A plan code of this partner, e.g. `essential`. */
  plan: z.string().trim().min(1, 'Enter the plan code.'),
});
export type PartnerMemberInput = z.input<typeof PartnerMemberInput>;
export const PartnerMember = z.object({
  memberNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  plan: z.string(),
  planName: z.string(),
  removedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PartnerMember = z.infer<typeof PartnerMember>;
export const PartnerMemberQuery = z.object({
  search: z.string().trim().max(100).optional(),
  includeRemoved: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const PartnerMemberList = z.object({ items: z.array(PartnerMember), total: z.number().int() });
export type PartnerMemberList = z.infer<typeof PartnerMemberList>;

/** The columns a member-list CSV must have; `action` (upsert or remove) is optional and defaults to upsert. */
export const MEMBER_CSV_COLUMNS = ['member_number', 'given_name', 'family_name', 'date_of_birth', 'plan'] as const;
export const MemberImportResult = z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int(), unchanged: z.number().int() });
export type MemberImportResult = z.infer<typeof MemberImportResult>;

/** Aggregate use of a partner's cover. `appointments` is null when fewer than 5 (too few to report safely). */
export const PartnerUsage = z.object({
  items: z.array(z.object({ month: z.string(), appointmentTypeName: z.string(), appointments: z.number().int().nullable() })),
  minimumReported: z.number().int(),
});
export type PartnerUsage = z.infer<typeof PartnerUsage>;
