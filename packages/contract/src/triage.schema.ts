import { z } from 'zod';
import { Uuid } from './common.schema';

export const TRIAGE_LEVELS = ['emergency', 'urgent', 'routine', 'pharmacist', 'self_care'] as const;
export type TriageLevelName = (typeof TRIAGE_LEVELS)[number];

const Sex = z.enum(['female', 'male'], 'Choose female or male (the sex the body was born with affects which conditions are possible).');
const Age = z.number('Give an age in years.').min(0, 'Give an age in years (0 to 120).').max(120, 'Give an age in years (0 to 120).');
const Description = z.string('Describe what is wrong.').trim().min(3, 'Describe what is wrong in a few words.').max(2000, 'Keep the description under 2000 characters.');
const FindingId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use a findingId from the questions.');

/** One-shot assessment: a whole case in one call. Works without an account and stores nothing. */
export const TriageAssessRequest = z.object({ text: Description, age: Age, sex: Sex });
export type TriageAssessRequest = z.input<typeof TriageAssessRequest>;

/** One turn of the conversation: the description, and the answers given so far (finding id → yes or no). */
export const TriageChatRequest = TriageAssessRequest.extend({
  answers: z.record(FindingId, z.boolean()).default({}).refine((a) => Object.keys(a).length <= 40, 'At most 40 answers.'),
  /** Questions answered "not sure": not asked again, no evidence either way. */
  notSure: z.array(FindingId).max(40, 'At most 40 answers.').default([]),
});
export type TriageChatRequest = z.input<typeof TriageChatRequest>;

export const TriageResult = z.object({
  /** Where to go: emergency (999 / A&E now), urgent (today), routine (GP within days), pharmacist, self_care. */
  triage: z.enum(TRIAGE_LEVELS),
  advice: z.object({ label: z.string(), text: z.string(), crisis: z.string().nullable() }),
  /** Red flags found, most urgent first, each in plain English. */
  redFlags: z.array(z.object({ level: z.enum(['emergency', 'urgent']), message: z.string() })),
  /** Likely conditions, most likely first. */
  conditions: z.array(z.object({
    id: z.string(), name: z.string(), probability: z.number(), selfCare: z.string(), safetyNet: z.string(),
    references: z.array(z.object({ title: z.string(), url: z.string() })),
  })),
  /** Every finding understood from the text or the answers, and whether present. */
  findings: z.array(z.object({ id: z.string(), label: z.string(), present: z.boolean() })),
  /** The findings that led to the triage level. */
  because: z.array(z.object({ id: z.string(), label: z.string() })),
  /** The follow-up questions it would ask next, best first (empty when it has enough to go on). */
  questions: z.array(z.object({ findingId: z.string(), question: z.string() })),
  /** Which kind of clinician to book, and how soon (null for an emergency: that is 999, not an appointment). */
  book: z.object({ profession: z.enum(['gp', 'nurse', 'therapist', 'specialist']), urgency: z.enum(['today', 'soon']) }).nullable(),
  safetyNet: z.string(),
  understood: z.object({ age: z.number().nullable(), sex: z.enum(['female', 'male']).nullable(), durationDays: z.number().nullable() }),
});
export type TriageResult = z.infer<typeof TriageResult>;

/** A signed-in patient's chat with the symptom checker, kept in their record until they delete it. */
export const TriageSession = z.object({
  id: Uuid,
  createdAt: z.string(),
  updatedAt: z.string(),
  text: z.string(),
  age: z.number(),
  sex: z.enum(['female', 'male']),
  answers: z.record(z.string(), z.boolean()),
  /** The questions asked, in order, with the answers given (null: "not sure"). */
  turns: z.array(z.object({ findingId: z.string(), question: z.string(), answer: z.boolean().nullable() })),
  result: TriageResult,
  /** A short summary a patient may choose to attach to an appointment's reason. */
  summary: z.string(),
});
export type TriageSession = z.infer<typeof TriageSession>;
export const TriageSessionList = z.object({
  items: z.array(TriageSession.pick({ id: true, createdAt: true, updatedAt: true, summary: true }).extend({ triage: z.enum(TRIAGE_LEVELS) })),
});
export type TriageSessionList = z.infer<typeof TriageSessionList>;
export const TriageAnswerRequest = z.object({ findingId: FindingId, answer: z.boolean('Answer yes (true), no (false) or not sure (null).').nullable() });
export type TriageAnswerRequest = z.input<typeof TriageAnswerRequest>;
