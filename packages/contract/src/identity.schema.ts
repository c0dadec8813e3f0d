import { z } from 'zod';
import { isValidNhsNumber, normaliseNhsNumber, PASSWORD_MAX_LENGTH, ROLES, PROFESSIONS } from '@confide/domain';
import { IsoDate, Uuid } from './common.schema';

const Email = z.email({ message: 'Enter an email address like name@example.com.' }).max(254).transform((e) => e.toLowerCase());
const Password = z.string().min(1, 'Enter a password.').max(PASSWORD_MAX_LENGTH * 4);
const Name = z.string().trim().min(1, 'Enter a name.').max(100);
/** UK mobile numbers: 07xxx xxxxxx or +44 7xxx xxxxxx. */
export const Mobile = z
  .string()
  .transform((s) => s.replace(/[\s()-]/g, ''))
  .pipe(z.string().regex(/^(?:\+447\d{9}|07\d{9})$/, 'Enter a UK mobile number, like 07700 900123.'));
export const Postcode = z
  .string()
  .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ' '))
  .pipe(z.string().regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a UK postcode, like SW1A 1AA.'));
export const NhsNumber = z
  .string()
  .transform(normaliseNhsNumber)
  .refine(isValidNhsNumber, 'Enter a valid 10-digit NHS number, or leave it blank.');
const DateOfBirth = IsoDate.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return t <= Date.now() && t >= Date.parse('1900-01-01T00:00:00Z');
}, 'Enter a date of birth in the past.');

export const RegisterRequest = z.object({
  givenName: Name,
  familyName: Name,
  dateOfBirth: DateOfBirth,
  email: Email,
  mobile: Mobile,
  postcode: Postcode,
  nhsNumber: NhsNumber.optional(),
  password: Password,
});
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const LoginRequest = z.object({
  email: Email,
  password: Password,
  totpCode: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.').optional(),
});
export type LoginRequest = z.input<typeof LoginRequest>;

export const PatientProfile = z.object({
  id: Uuid,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: IsoDate,
  email: z.string(),
  mobile: z.string(),
  postcode: z.string(),
  nhsNumber: z.string().nullable(),
});
export type PatientProfile = z.infer<typeof PatientProfile>;

export const Organisation = z.object({
  id: Uuid,
  kind: z.enum(['clinic', 'pharmacy', 'partner']),
  name: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const StaffProfile = z.object({
  profession: z.enum(PROFESSIONS).nullable(),
  registrationNumber: z.string().nullable(),
  organisation: Organisation.nullable(),
});
export type StaffProfile = z.infer<typeof StaffProfile>;

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  mfa: z.object({ required: z.boolean(), enrolled: z.boolean(), satisfied: z.boolean() }),
  patient: PatientProfile.nullable(),
  staff: StaffProfile.nullable(),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ user: Me, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() });
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpConfirmRequest = z.object({
  code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'),
});

export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetConfirmRequest = z.object({
  token: z.string().min(20).max(200),
  password: Password,
});

export const UpdatePatientRequest = z
  .object({ mobile: Mobile.optional(), postcode: Postcode.optional() })
  .refine((v) => v.mobile !== undefined || v.postcode !== undefined, 'Change at least one detail.');
export type UpdatePatientRequest = z.input<typeof UpdatePatientRequest>;

export const PatientSummary = z.object({
  id: Uuid,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: IsoDate,
  nhsNumber: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;
export const PatientList = z.object({ items: z.array(PatientSummary) });
export type PatientList = z.infer<typeof PatientList>;
