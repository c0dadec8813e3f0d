import { z } from 'zod';
import { PROFESSIONS } from '@confide/domain';
import { IsoDate, Uuid } from './common.schema';

export const APPOINTMENT_MODES = ['audio', 'video'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'in_consultation', 'completed', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const Instant = z.iso.datetime({ offset: true });
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:30.');
/** An IANA time zone name, e.g. Europe/London. */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Use a time zone name like Europe/London.');

export const AppointmentType = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  profession: z.enum(PROFESSIONS),
  durationMinutes: z.number().int(),
  mode: z.enum(APPOINTMENT_MODES),
  /** The private price in pence; null when not offered privately. */
  pricePence: z.number().int().nullable(),
  /** Covered by the NHS for patients registered with the practice. */
  nhsFunded: z.boolean(),
});
export type AppointmentType = z.infer<typeof AppointmentType>;
export const AppointmentTypeList = z.object({ items: z.array(AppointmentType) });
export type AppointmentTypeList = z.infer<typeof AppointmentTypeList>;

/** Weekly hours: every `weekday` (1 = Monday … 7 = Sunday) from `startTime` to `endTime` local time in `timeZone`. */
export const CreateAvailabilityRule = z
  .object({
    appointmentTypeId: Uuid,
    weekday: z.number().int().min(1, 'Use 1 (Monday) to 7 (Sunday).').max(7, 'Use 1 (Monday) to 7 (Sunday).'),
    startTime: LocalTime,
    endTime: LocalTime,
    timeZone: TimeZone.default('Europe/London'),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().default(null),
  })
  .refine((r) => r.endTime > r.startTime, { path: ['endTime'], message: 'The end time must be after the start time.' })
  .refine((r) => r.validUntil === null || r.validUntil >= r.validFrom, { path: ['validUntil'], message: 'The last day must not be before the first.' });
export type CreateAvailabilityRule = z.input<typeof CreateAvailabilityRule>;
export const AvailabilityRule = z.object({
  id: Uuid,
  appointmentTypeId: Uuid,
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
});
export type AvailabilityRule = z.infer<typeof AvailabilityRule>;

/** Leave (no appointments at all in the window) or an extra session for one appointment type. */
export const CreateAvailabilityException = z
  .object({
    kind: z.enum(['leave', 'extra']),
    appointmentTypeId: Uuid.nullable().default(null),
    startsAt: Instant,
    endsAt: Instant,
    note: z.string().max(200).nullable().default(null),
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), { path: ['endsAt'], message: 'The end must be after the start.' })
  .refine((e) => e.kind === 'leave' || e.appointmentTypeId !== null, { path: ['appointmentTypeId'], message: 'Choose the appointment type for the extra session.' });
export type CreateAvailabilityException = z.input<typeof CreateAvailabilityException>;
export const AvailabilityException = z.object({
  id: Uuid,
  kind: z.enum(['leave', 'extra']),
  appointmentTypeId: Uuid.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string().nullable(),
});
export type AvailabilityException = z.infer<typeof AvailabilityException>;
export const Availability = z.object({ rules: z.array(AvailabilityRule), exceptions: z.array(AvailabilityException) });
export type Availability = z.infer<typeof Availability>;

export const SlotQuery = z.object({
  profession: z.enum(PROFESSIONS).optional(),
  appointmentTypeId: Uuid.optional(),
  /** First day to search, in `timeZone`; default today. */
  date: IsoDate.optional(),
  days: z.coerce.number().int().min(1).max(14).default(1),
  timeZone: TimeZone.default('Europe/London'),
  /** Only the earliest open slot for each appointment type ("first available"). */
  firstAvailable: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type SlotQuery = z.input<typeof SlotQuery>;
export const Slot = z.object({
  clinicianId: Uuid,
  clinicianName: z.string(),
  profession: z.enum(PROFESSIONS),
  appointmentTypeId: Uuid,
  appointmentTypeName: z.string(),
  mode: z.enum(APPOINTMENT_MODES),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type Slot = z.infer<typeof Slot>;
export const SlotList = z.object({ items: z.array(Slot) });
export type SlotList = z.infer<typeof SlotList>;

/** How a patient pays for (or is covered for) an appointment. */
export const AccessRouteChoice = z.discriminatedUnion('route', [
  z.object({ route: z.literal('nhs') }),
  z.object({ route: z.literal('partner'), membershipId: Uuid }),
  z.object({ route: z.literal('private') }),
], { error: 'Choose how this appointment is paid for: NHS, your membership, or privately.' });
export type AccessRouteChoice = z.infer<typeof AccessRouteChoice>;

export const BookAppointmentRequest = z.object({
  clinicianId: Uuid,
  appointmentTypeId: Uuid,
  startsAt: Instant,
  reason: z.string().trim().min(3, 'Tell us briefly why you want to be seen.').max(500, 'Keep the reason under 500 characters.'),
  access: AccessRouteChoice,
});
export type BookAppointmentRequest = z.input<typeof BookAppointmentRequest>;
export const RescheduleAppointmentRequest = z.object({ clinicianId: Uuid, startsAt: Instant });
export type RescheduleAppointmentRequest = z.input<typeof RescheduleAppointmentRequest>;

export const Appointment = z.object({
  id: Uuid,
  patient: z.object({ id: Uuid, name: z.string() }),
  clinician: z.object({ id: Uuid, name: z.string(), profession: z.enum(PROFESSIONS).nullable() }),
  appointmentType: z.object({ id: Uuid, name: z.string(), mode: z.enum(APPOINTMENT_MODES), durationMinutes: z.number().int() }),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  reason: z.string(),
  createdAt: z.string(),
  /** When the patient checked in to the waiting room. */
  checkedInAt: z.string().nullable(),
  /** The consultation the call attaches to, once the clinician has admitted the patient. */
  consultationId: z.string().nullable(),
  /** How it is paid for: null only for appointments booked before access routes existed. */
  access: z
    .object({ route: z.enum(['nhs', 'partner', 'private']), partnerName: z.string().nullable() })
    .nullable(),
  /** The private payment, when booked privately (only the patient sees it). */
  payment: z.object({ status: z.enum(['pending', 'paid', 'failed', 'refunded']), amountPence: z.number().int() }).nullable(),
});
export type Appointment = z.infer<typeof Appointment>;
export const AppointmentList = z.object({ items: z.array(Appointment) });
export type AppointmentList = z.infer<typeof AppointmentList>;

export const DayQuery = z.object({ date: IsoDate.optional(), timeZone: TimeZone.default('Europe/London') });

/** What the clinician records at the end: seen, or did not attend. */
export const AppointmentOutcomeRequest = z.object({ status: z.enum(['completed', 'no_show']) });
export type AppointmentOutcomeRequest = z.input<typeof AppointmentOutcomeRequest>;

/** How many minutes before the start a patient may check in. */
export const CHECK_IN_OPENS_MINUTES = 10;
