import { z } from 'zod';
import { Postcode } from './identity.schema';
import { Uuid } from './common.schema';

/** A medicine from the shipped formulary, as search and prescriptions show it. */
export const FormularyMedicine = z.object({
  id: z.string(),
  name: z.string(),
  strength: z.string(),
  form: z.string(),
  route: z.string(),
  therapeuticClass: z.string(),
  adultDose: z.string(),
  childDose: z.string().nullable(),
  doseUnit: z.string(),
  maxDailyDose: z.number().nullable(),
  controlledSchedule: z.number().int().nullable(),
  repeatable: z.boolean(),
});
export type FormularyMedicine = z.infer<typeof FormularyMedicine>;
export const FormularySearchQuery = z.object({
  q: z.string().trim().min(2, 'Type at least 2 letters of the medicine’s name.').max(60),
});
export const FormularySearchResult = z.object({ medicines: z.array(FormularyMedicine) });

// ---- The patient's clinical record: allergies and current medicines (clinicians edit; the patient reads) ----

export const Allergy = z.object({
  id: Uuid,
  /** A medicine class (e.g. "penicillin") or a medicine's name, as the checks match it. */
  substance: z.string(),
  reaction: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Allergy = z.infer<typeof Allergy>;
export const AddAllergyRequest = z.object({
  substance: z.string().trim().min(2, 'Enter what the patient is allergic to, like penicillin.').max(80),
  reaction: z.string().trim().min(2, 'Enter the reaction, like rash or swelling.').max(200),
});

export const CurrentMedicine = z.object({
  id: Uuid,
  medicine: FormularyMedicine,
  dose: z.string(),
  /** "recorded" by a clinician from what the patient takes, or "prescribed" here. */
  source: z.enum(['recorded', 'prescribed']),
  startedAt: z.string(),
});
export type CurrentMedicine = z.infer<typeof CurrentMedicine>;
export const AddCurrentMedicineRequest = z.object({
  medicineId: z.string().min(1, 'Choose a medicine from the list.').max(120),
  dose: z.string().trim().min(2, 'Enter the dose the patient takes, like one tablet twice a day.').max(200),
});

export const ClinicalRecord = z.object({
  patientId: Uuid,
  allergies: z.array(Allergy),
  medicines: z.array(CurrentMedicine),
});
export type ClinicalRecord = z.infer<typeof ClinicalRecord>;

// ---- Pharmacies: the directory, nearest search and the patient's nomination ----

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Opening hours by weekday: a list of [opens, closes] in UK local time; an empty list is closed all day. */
export const OpeningHours = z.object(Object.fromEntries(DAYS.map((d) => [d, z.array(z.tuple([Time, Time]))])) as Record<(typeof DAYS)[number], z.ZodArray<z.ZodTuple<[typeof Time, typeof Time]>>>);
export type OpeningHours = z.infer<typeof OpeningHours>;

export const Pharmacy = z.object({
  id: Uuid,
  odsCode: z.string(),
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  openingHours: OpeningHours,
});
export type Pharmacy = z.infer<typeof Pharmacy>;

/** Nearest pharmacies to a postcode or to the person's location (a body, so neither is ever in a URL). */
export const PharmacySearchRequest = z
  .object({
    postcode: Postcode.optional(),
    latitude: z.number().min(49, 'Search within the UK.').max(61, 'Search within the UK.').optional(),
    longitude: z.number().min(-9, 'Search within the UK.').max(2.5, 'Search within the UK.').optional(),
    openNow: z.boolean().default(false),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .refine((v) => v.postcode !== undefined || (v.latitude !== undefined && v.longitude !== undefined), {
    message: 'Enter a postcode, or use your location.',
    path: ['postcode'],
  });
export type PharmacySearchRequest = z.infer<typeof PharmacySearchRequest>;
export const PharmacySearchResult = z.object({
  results: z.array(z.object({ pharmacy: Pharmacy, distanceKm: z.number(), openNow: z.boolean() })),
});
export type PharmacySearchResult = z.infer<typeof PharmacySearchResult>;

export const Nomination = z.object({ pharmacy: Pharmacy.nullable(), nominatedAt: z.string().nullable() });
export type Nomination = z.infer<typeof Nomination>;
export const NominateRequest = z.object({ pharmacyId: Uuid });

export const DirectoryImportRequest = z.object({ csv: z.string().min(1, 'Choose a CSV file.').max(20_000_000) });
export const DirectoryImportResult = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), problem: z.string() })),
});
export type DirectoryImportResult = z.infer<typeof DirectoryImportResult>;

// ---- Prescribing ----

export const ALERT_SEVERITIES = ['blocked', 'contraindicated', 'severe', 'moderate', 'caution'] as const;
export const PrescribingAlert = z.object({
  code: z.string(),
  kind: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  message: z.string(),
  overridable: z.boolean(),
  /** Whether going on needs a recorded reason (everything but a caution). */
  needsReason: z.boolean(),
});
export type PrescribingAlert = z.infer<typeof PrescribingAlert>;

export const PrescriptionItemRequest = z.object({
  medicineId: z.string().min(1, 'Choose a medicine from the list.').max(120),
  /** Units (tablets, capsules, ml, puffs…) per dose. */
  dosesPerTime: z.number({ error: 'Enter how many to take each time.' }).positive('Enter how many to take each time.').max(100),
  timesPerDay: z.number({ error: 'Enter how many times a day.' }).int('Enter a whole number of times a day.').min(1, 'Enter how many times a day.').max(24),
  durationDays: z.number({ error: 'Enter for how many days.' }).int('Enter a whole number of days.').min(1, 'Enter for how many days.').max(366),
  quantity: z.number({ error: 'Enter the quantity to supply.' }).positive('Enter the quantity to supply.').max(10_000),
  instructions: z.string().trim().min(3, 'Enter the instructions for the label, like “Take one capsule three times a day”.').max(500),
  pregnant: z.boolean().nullable().default(null),
  breastfeeding: z.boolean().nullable().default(null),
});
export type PrescriptionItemRequest = z.infer<typeof PrescriptionItemRequest>;
export const PrescriptionCheckResult = z.object({ medicine: FormularyMedicine, alerts: z.array(PrescribingAlert) });
export type PrescriptionCheckResult = z.infer<typeof PrescriptionCheckResult>;

export const IssuePrescriptionRequest = PrescriptionItemRequest.extend({
  repeatable: z.boolean().default(false),
  /** A reason for each alert being overridden, by the alert's code. */
  overrides: z.array(z.object({ code: z.string().max(200), reason: z.string().trim().min(3, 'Record why you are going on despite this alert.').max(500) })).max(50).default([]),
});
export type IssuePrescriptionRequest = z.infer<typeof IssuePrescriptionRequest>;

export const PRESCRIPTION_STATUSES = ['issued', 'received', 'dispensed', 'partly-dispensed', 'collected', 'cancelled', 'expired'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export const Prescription = z.object({
  id: Uuid,
  /** The prescription's own random token (the pharmacy's reference), 20 characters of Crockford base32. */
  token: z.string(),
  consultationId: Uuid,
  patient: z.object({ id: Uuid, name: z.string(), dateOfBirth: z.string(), nhsNumber: z.string().nullable() }),
  prescriber: z.object({ id: Uuid, name: z.string(), registration: z.string().nullable() }),
  pharmacy: Pharmacy,
  medicine: FormularyMedicine,
  dosesPerTime: z.number(),
  timesPerDay: z.number(),
  durationDays: z.number(),
  quantity: z.number(),
  instructions: z.string(),
  repeatable: z.boolean(),
  repeatOf: Uuid.nullable(),
  status: z.enum(PRESCRIPTION_STATUSES),
  issuedAt: z.string(),
  expiresAt: z.string(),
  receivedAt: z.string().nullable(),
  dispensedAt: z.string().nullable(),
  dispensedQuantity: z.number().nullable(),
  collectedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The alerts shown at signing and why each was overridden (for the prescriber and the pharmacist, not the patient). */
  overriddenAlerts: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string(), reason: z.string() })).nullable(),
  /** The signature as checked now against the prescriber's public key (for the pharmacist and the prescriber). */
  signature: z.object({ valid: z.boolean(), algorithm: z.string(), keyId: Uuid, problem: z.string().nullable() }).nullable(),
  /**
   * Its prescriber's signing key was revoked before it was all dispensed: the pharmacy must not dispense it, and the
   * prescriber must issue it again (for everyone who sees it, the patient included).
   */
  reissueNeeded: z.boolean(),
  /** Whether the patient may ask for a repeat now. */
  repeatRequestable: z.boolean(),
});
export type Prescription = z.infer<typeof Prescription>;
export const PrescriptionList = z.object({ prescriptions: z.array(Prescription) });
export type PrescriptionList = z.infer<typeof PrescriptionList>;

export const CancelPrescriptionRequest = z.object({ reason: z.string().trim().min(3, 'Say why the prescription is cancelled.').max(500) });
export const DispenseRequest = z.object({
  quantity: z.number({ error: 'Enter the quantity supplied.' }).positive('Enter the quantity supplied.').max(10_000),
});

export const SecondFactorRequest = z.object({ code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.') });
export const SecondFactorResult = z.object({ confirmedAt: z.string(), validUntil: z.string() });
export type SecondFactorResult = z.infer<typeof SecondFactorResult>;

// ---- Repeat prescriptions ----

export const RepeatRequest = z.object({
  id: Uuid,
  prescriptionId: Uuid,
  medicine: FormularyMedicine,
  patient: z.object({ id: Uuid, name: z.string() }),
  note: z.string().nullable(),
  status: z.enum(['requested', 'approved', 'declined']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  newPrescriptionId: Uuid.nullable(),
});
export type RepeatRequest = z.infer<typeof RepeatRequest>;
export const RepeatRequestList = z.object({ requests: z.array(RepeatRequest) });
export type RepeatRequestList = z.infer<typeof RepeatRequestList>;
export const CreateRepeatRequest = z.object({ note: z.string().trim().max(500).optional() });
export const DeclineRepeatRequest = z.object({ reason: z.string().trim().min(3, 'Say why the repeat is declined, in words the patient will read.').max(500) });

// ---- Prescribers' signing keys ----
export const SigningKey = z.object({
  id: Uuid,
  prescriber: z.object({ id: Uuid, name: z.string() }),
  createdAt: z.string(),
  /** When it stopped signing: replaced by its prescriber, or revoked. Null while it is the key in use. */
  retiredAt: z.string().nullable(),
  /** When a clinic admin revoked it, and why: nothing it signed that is not yet dispensed may be dispensed. */
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** The public key's SHA-256 JWK thumbprint (RFC 7638), to compare by eye. */
  thumbprint: z.string(),
});
export type SigningKey = z.infer<typeof SigningKey>;
/** Newest first. */
export const SigningKeyList = z.object({ keys: z.array(SigningKey) });
export type SigningKeyList = z.infer<typeof SigningKeyList>;
export const RevokeSigningKeyRequest = z.object({ reason: z.string().trim().min(3, 'Say why the key is revoked (it is recorded).').max(500) });
export type RevokeSigningKeyRequest = z.input<typeof RevokeSigningKeyRequest>;
export const RevokeSigningKeyResult = z.object({
  key: SigningKey,
  /** Prescriptions it signed that were not yet fully dispensed: their pharmacies are now told not to dispense them. */
  undispensedPrescriptions: z.number().int(),
});
export type RevokeSigningKeyResult = z.infer<typeof RevokeSigningKeyResult>;
