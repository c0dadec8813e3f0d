import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/knowledge-base';
import type { TriageLevel } from './knowledge/schema';
import { assess, nextQuestions, type Evidence } from './reasoning/assess';
import { Lexicon, understand } from './understanding/understand';

/** What each level means for the patient, in plain English. */
export const LEVEL_ADVICE: Record<TriageLevel, { label: string; advice: string }> = {
  emergency: { label: 'Call 999 or go to A&E now', advice: 'This could be serious. Call 999 now, or go to your nearest A&E if you can get there safely.' },
  urgent: { label: 'Get help today', advice: 'You should speak to a doctor today: book an urgent appointment, go to an urgent treatment centre, or call 111.' },
  routine: { label: 'See a GP', advice: 'Book an appointment with a GP in the next few days.' },
  pharmacist: { label: 'Ask a pharmacist', advice: 'A pharmacist can help with this: they can give advice and, for some conditions, treatment without an appointment.' },
  self_care: { label: 'Look after yourself at home', advice: 'This usually gets better on its own with self-care.' },
};

export const CRISIS_ADVICE = 'If you are in danger now, call 999. You can talk to Samaritans any time, day or night, free on 116 123.';

export interface CheckInput {
  readonly text: string;
  readonly age?: number | null;
  readonly sex?: 'female' | 'male' | null;
  /** Answers to questions asked so far: finding id → yes/no (they override what the text said). */
  readonly answers?: Readonly<Record<string, boolean>>;
  /** Questions answered "not sure": not asked again, and no evidence either way. */
  readonly notSure?: readonly string[];
}

export interface CheckResult {
  readonly triage: { level: TriageLevel; label: string; advice: string; crisis: string | null };
  readonly redFlags: { message: string; level: 'emergency' | 'urgent' }[];
  readonly conditions: { id: string; name: string; probability: number; selfCare: string; safetyNet: string; profession: string; references: { title: string; url: string }[] }[];
  /** Every finding understood or answered, and whether present. */
  readonly findings: { id: string; label: string; present: boolean }[];
  /** The findings that led to the triage level. */
  readonly because: { id: string; label: string }[];
  /** Follow-up questions it would ask next (empty when it has enough to go on). */
  readonly questions: { findingId: string; question: string }[];
  readonly understood: { age: number | null; sex: 'female' | 'male' | null; durationDays: number | null };
  readonly safetyNet: string;
}

/** The symptom checker: text and answers in, a safe, explained triage out. Pure and stateless. */
export class SymptomChecker {
  private readonly lexicon: Lexicon;

  constructor(readonly kb: KnowledgeBase = loadKnowledgeBase()) {
    this.lexicon = new Lexicon(kb.findings.values());
  }

  check(input: CheckInput): CheckResult {
    const u = understand(input.text, this.lexicon);
    const present = new Set(u.present);
    const absent = new Set(u.absent);
    for (const [f, yes] of Object.entries(input.answers ?? {})) {
      if (!this.kb.findings.has(f)) continue;
      (yes ? present : absent).add(f);
      (yes ? absent : present).delete(f);
    }
    const evidence: Evidence = {
      present, absent,
      age: input.age ?? u.age,
      sex: input.sex ?? u.sex,
      durationDays: u.durationDays,
    };
    const a = assess(this.kb, evidence);
    const skip = new Set(input.notSure ?? []);
    const questions = a.settled ? [] : nextQuestions(this.kb, evidence, a.conditions, 3, skip);
    const label = (id: string) => this.kb.findings.get(id)?.label ?? id;
    const top = a.conditions[0]?.condition;
    return {
      triage: { level: a.level, ...LEVEL_ADVICE[a.level], crisis: a.redFlags.some((f) => f.crisis) ? CRISIS_ADVICE : null },
      redFlags: a.redFlags.map((f) => ({ message: f.message, level: f.level })).filter((f, i, all) => all.findIndex((g) => g.message === f.message) === i),
      conditions: a.conditions.slice(0, 5).map(({ condition: c, probability }) => ({
        id: c.id, name: c.name, probability: Math.round(probability * 1000) / 1000, selfCare: c.selfCare, safetyNet: c.safetyNet,
        profession: c.profession, references: c.references,
      })),
      findings: [...[...present].map((id) => ({ id, label: label(id), present: true })), ...[...absent].map((id) => ({ id, label: label(id), present: false }))],
      because: a.because.map((id) => ({ id, label: label(id) })),
      questions: questions.map((f) => ({ findingId: f, question: this.kb.findings.get(f)!.question })),
      understood: { age: evidence.age, sex: evidence.sex, durationDays: evidence.durationDays },
      safetyNet: top?.safetyNet ?? 'If you get worse, or you are worried, call 111 (or 999 in an emergency).',
    };
  }
}
