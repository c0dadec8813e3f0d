import { z } from 'zod';

/**
 * The shipped formulary (common primary-care medicines) and the table of clinically significant interactions, kept as
 * reviewable JSON files and validated by this schema and by formulary.test.ts. Written by the team from public
 * references (BNF / BNFc, NICE CKS, NHS medicines A–Z, the MHRA) in our own words.
 */
const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');
const Text = z.string().trim().min(3).max(400);

export const FORMS = [
  'tablet', 'capsule', 'modified-release tablet', 'modified-release capsule', 'dispersible tablet', 'orodispersible tablet', 'chewable tablet',
  'oral solution', 'oral suspension', 'syrup', 'oral drops', 'soluble tablet', 'effervescent tablet', 'sachet', 'oral gel', 'lozenge',
  'cream', 'ointment', 'gel', 'lotion', 'shampoo', 'foam', 'paste', 'patch', 'transdermal patch', 'spray', 'nasal spray', 'nasal drops',
  'eye drops', 'eye ointment', 'ear drops', 'ear spray', 'inhaler', 'dry powder inhaler', 'nebuliser solution', 'suppository', 'pessary',
  'vaginal cream', 'enema', 'injection', 'pre-filled pen', 'auto-injector', 'mouthwash', 'chewing gum', 'sublingual tablet', 'sublingual spray',
] as const;
export const ROUTES = ['oral', 'topical', 'inhaled', 'nasal', 'eye', 'ear', 'rectal', 'vaginal', 'subcutaneous', 'intramuscular', 'transdermal', 'sublingual', 'buccal'] as const;

export const Medicine = z.object({
  /** e.g. "amoxicillin-500mg-capsule" */
  id: Id,
  /** Generic name as prescribed, e.g. "Amoxicillin". */
  name: z.string().trim().min(2).max(80),
  /** e.g. "500 mg", "250 mg/5 ml", "0.1%", "100 micrograms/dose". */
  strength: z.string().trim().min(1).max(40),
  form: z.enum(FORMS),
  route: z.enum(ROUTES),
  /** Plain-English class, e.g. "Penicillin antibiotic". */
  therapeuticClass: z.string().trim().min(3).max(80),
  /** Class ids from classes.json: what allergy, duplicate-therapy and interaction checks match on. */
  classes: z.array(Id).min(1),
  /** Usual adult dose as prescribed, e.g. "500 mg three times a day for 5 days". */
  adultDose: Text,
  /** Usual child dose (by age or weight), or null when not for children in primary care. */
  childDose: Text.nullable(),
  /** The largest total daily dose for an adult, in the unit of `doseUnit` (checked before signing); null if not applicable. */
  maxDailyDose: z.number().positive().nullable(),
  /** The unit doses are counted in: "mg", "microgram", "ml", "unit", "puff", "drop", "application", "patch", "tablet", "sachet". */
  doseUnit: z.enum(['mg', 'microgram', 'g', 'ml', 'unit', 'puff', 'drop', 'application', 'patch', 'tablet', 'capsule', 'sachet', 'spray', 'dose']),
  /** Amount of `doseUnit` in one tablet, capsule, ml, puff… (e.g. 500 for a 500 mg capsule), for the daily-dose check. */
  unitsPerDose: z.number().positive().nullable(),
  /** Youngest age (years) it is normally prescribed for in primary care, or null if any age. */
  minAgeYears: z.number().min(0).max(18).nullable(),
  /** UK Controlled Drug schedule (2 and 3 cannot be prescribed remotely), or null. */
  controlledSchedule: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable(),
  pregnancy: z.object({ level: z.enum(['avoid', 'caution', 'generally-safe']), note: Text }),
  breastfeeding: z.object({ level: z.enum(['avoid', 'caution', 'generally-safe']), note: Text }),
  /** Whether it is usually suitable for repeat prescribing. */
  repeatable: z.boolean(),
  references: z.array(z.object({ title: z.string().min(3).max(200), url: z.url() })).min(1),
});
export type Medicine = z.infer<typeof Medicine>;
export const MedicinesFile = z.array(Medicine);

/** A clinically significant interaction between two classes (or a class and a medicine id). */
export const Interaction = z.object({
  id: Id,
  /** Each side: a class id from classes.json, or a medicine's name in lower case (e.g. "simvastatin"). */
  a: z.string().min(2),
  b: z.string().min(2),
  severity: z.enum(['contraindicated', 'severe', 'moderate']),
  /** What happens, in plain clinical English. */
  effect: Text,
  /** What to do instead or how to monitor. */
  advice: Text,
  references: z.array(z.object({ title: z.string().min(3).max(200), url: z.url() })).min(1),
});
export type Interaction = z.infer<typeof Interaction>;
export const InteractionsFile = z.array(Interaction);
