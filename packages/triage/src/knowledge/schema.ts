import { z } from 'zod';

/**
 * The symptom checker's knowledge base, kept as reviewable JSON files under knowledge/ and validated by this schema
 * (and by knowledge.test.ts: every finding referenced exists, every condition reachable, no term claimed twice).
 */

/** Where to go, most urgent first. A result never goes below the most urgent level a plausible cause needs. */
export const TRIAGE_LEVELS = ['emergency', 'urgent', 'routine', 'pharmacist', 'self_care'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export const CATEGORIES = [
  'general', 'respiratory', 'ent', 'eye', 'skin', 'gastro', 'urinary', 'musculoskeletal', 'cardiovascular', 'neurological',
  'infectious', 'mental_health', 'womens_health', 'mens_health', 'children', 'injuries', 'bites_stings', 'poisoning',
] as const;
export type Category = (typeof CATEGORIES)[number];

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');
const PlainText = z.string().trim().min(3).max(600);

/**
 * Something a patient can report: a symptom, a sign they can see or measure, a risk factor or exposure.
 * `terms` are the lay and clinical phrasings the text understanding matches (lower case; longest match wins).
 */
export const Finding = z.object({
  id: Id,
  label: z.string().trim().min(2).max(80),
  /** The yes/no question the chat asks, in plain English, addressed to the patient ("Do you …?"). */
  question: z.string().trim().min(8).max(200).endsWith('?'),
  kind: z.enum(['symptom', 'sign', 'risk_factor', 'exposure']),
  terms: z.array(z.string().trim().min(2).max(60).regex(/^[a-z0-9' .,/-]+$/, 'terms are lower case')).min(1),
  /** A finding that on its own needs this level of care at once, whatever else is present. */
  redFlag: z.object({ level: z.enum(['emergency', 'urgent']), message: PlainText }).optional(),
  /** Crisis guidance (999, Samaritans 116 123) is shown with this finding. */
  crisis: z.boolean().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** A combination of findings that together need urgent or emergency care (e.g. chest pain with sweating). */
export const RedFlagRule = z.object({
  id: Id,
  /** Every one of these must be present… */
  all: z.array(Id).min(1),
  /** …and (if given) at least one of these. */
  any: z.array(Id).optional(),
  /** Only at these ages (years, inclusive), e.g. a fever under 3 months old. */
  ages: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
  level: z.enum(['emergency', 'urgent']),
  message: PlainText,
  crisis: z.boolean().optional(),
});
export type RedFlagRule = z.infer<typeof RedFlagRule>;

export const Reference = z.object({ title: z.string().min(3).max(200), url: z.url() });

/** How common a condition is in primary and urgent care: the prior before any finding. */
export const PREVALENCE = { very_common: 0.2, common: 0.05, uncommon: 0.01, rare: 0.002 } as const;

export const Condition = z.object({
  id: Id,
  /** The name a patient would recognise, e.g. "Tonsillitis" (clinical name in brackets where it helps). */
  name: z.string().trim().min(3).max(100),
  category: z.enum(CATEGORIES),
  /** The usual level of care it needs when nothing worse is suspected. */
  urgency: z.enum(TRIAGE_LEVELS),
  prevalence: z.enum(['very_common', 'common', 'uncommon', 'rare']),
  /** Who usually sees it: for booking from the result. */
  profession: z.enum(['gp', 'nurse', 'pharmacist', 'therapist', 'specialist']),
  /** Ages (years, inclusive) and sex it occurs in; outside them it is not considered. */
  ages: z.tuple([z.number().min(0).max(120), z.number().min(0).max(120)]).optional(),
  sex: z.enum(['female', 'male']).optional(),
  /** Typical duration of symptoms so far, in days, when the patient presents: [from, to]. */
  durationDays: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
  /**
   * How strongly each finding points to it: the probability that a patient with the condition reports the finding
   * (0.9 = nearly always, 0.5 = half, 0.1 = rarely). Findings not listed are assumed rare with it.
   */
  findings: z.record(Id, z.number().gt(0).lt(1)).refine((f) => Object.keys(f).length >= 3, 'at least 3 findings'),
  /** Findings that, with this condition suspected, need a more urgent level (e.g. fever with cellulitis). */
  redFlags: z.array(z.object({ finding: Id, level: z.enum(['emergency', 'urgent']), message: PlainText })).default([]),
  /** Self-care and what to do, in plain English, addressed to the patient. */
  selfCare: PlainText,
  /** When to get help (safety-netting), in plain English. */
  safetyNet: PlainText,
  /** The public sources it was written from (in our own words). */
  references: z.array(Reference).min(1),
});
export type Condition = z.input<typeof Condition>;

export const FindingsFile = z.array(Finding);
export const ConditionsFile = z.array(Condition);
export const RedFlagsFile = z.array(RedFlagRule);

/** A written case for evaluation: what a patient (or clinician) says, and what a good triage concludes. */
export const Vignette = z.object({
  id: Id,
  text: z.string().min(10).max(800),
  age: z.number().min(0).max(120),
  sex: z.enum(['female', 'male']),
  expected: z.object({ triage: z.enum(TRIAGE_LEVELS), conditionId: Id }),
  /** Answers a patient would give if asked about these findings (for the conversational evaluation). */
  answers: z.record(Id, z.boolean()).default({}),
  source: z.string().max(200).optional(),
});
export type Vignette = z.input<typeof Vignette>;
export const VignettesFile = z.array(Vignette);
