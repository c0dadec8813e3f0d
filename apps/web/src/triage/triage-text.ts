import type { Profession } from '@confide/domain';
import type { TriageLevelName, TriageResult } from '@confide/contract';
import { problemMessage } from '../api/problem-message';

/** What each level tells the patient to do, as the checker words it (for lists that only carry the level). */
export const LEVEL_LABELS: Record<TriageLevelName, string> = {
  emergency: 'Call 999 or go to A&E now',
  urgent: 'Get help today',
  routine: 'See a GP',
  pharmacist: 'Ask a pharmacist',
  self_care: 'Look after yourself at home',
};

/** Who to see, in a sentence: "we suggest you see a GP". */
export const SEE_WHOM: Record<Profession, string> = {
  gp: 'a GP',
  nurse: 'a nurse',
  therapist: 'a therapist',
  specialist: 'a specialist',
};

/** A probability in plain words: how likely, never a diagnosis. */
export function likelihoodWords(probability: number): string {
  if (probability >= 0.75) return 'very likely';
  if (probability >= 0.45) return 'likely';
  if (probability >= 0.15) return 'possible';
  return 'less likely';
}

/** A probability as a whole percentage: 0.62 → "62%"; anything under half a percent → "less than 1%". */
export function percentText(probability: number): string {
  const percent = Math.round(probability * 100);
  return percent < 1 ? 'less than 1%' : `${Math.min(percent, 100)}%`;
}

/** "Tonsillitis — likely (62%)". */
export function conditionLikelihood(condition: { name: string; probability: number }): string {
  return `${condition.name} — ${likelihoodWords(condition.probability)} (${percentText(condition.probability)})`;
}

/** An answer to a yes-or-no question as the patient gave it. */
export function answerText(answer: boolean | null): string {
  if (answer === null) return 'Not sure';
  return answer ? 'Yes' : 'No';
}

/** How long the checker understood it has been going on: "3 days", "about 2 weeks". */
export function durationText(days: number): string {
  if (days < 1) return 'less than a day';
  const whole = Math.round(days);
  if (whole === 1) return '1 day';
  if (whole < 14) return `${whole} days`;
  if (whole < 60) return `about ${Math.round(whole / 7)} weeks`;
  if (whole < 730) return `about ${Math.round(whole / 30)} months`;
  return `about ${Math.round(whole / 365)} years`;
}

/** What was understood, in two sentences: "You said you have: …" and "You said you do not have: …". */
export function understoodSentences(findings: TriageResult['findings']): { has: string | null; hasNot: string | null } {
  const present = findings.filter((f) => f.present).map((f) => f.label);
  const absent = findings.filter((f) => !f.present).map((f) => f.label);
  return {
    has: present.length > 0 ? `You said you have: ${present.join(', ')}.` : null,
    hasNot: absent.length > 0 ? `You said you do not have: ${absent.join(', ')}.` : null,
  };
}

/** A piece of advice text: plain words, or a UK phone number to link with `tel:`. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'phone'; text: string; href: string };

// 999 (emergency), 111 (NHS 111) and Samaritans 116 123, as whole numbers only (not part of a longer number).
const PHONE_NUMBER = /(?<!\d)(?:116 ?123|999|111)(?!\d)/g;

/** Splits advice text so its phone numbers can be links: "call 999 now" → "call ", 999 (tel:999), " now". */
export function phoneParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE_NUMBER)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'phone', text: match[0], href: `tel:${match[0].replace(/\s/g, '')}` });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/**
 * The short summary a patient may attach to an appointment's reason, worded as the server words a kept check's
 * summary, for a check done without keeping it.
 */
export function summaryOfResult(result: TriageResult): string {
  const present = result.findings.filter((f) => f.present).map((f) => f.label);
  const absent = result.findings.filter((f) => !f.present).map((f) => f.label);
  const likely = result.conditions.slice(0, 2).map((c) => `${c.name} (${Math.round(c.probability * 100)}%)`);
  return [
    `Symptom checker: ${result.advice.label}.`,
    present.length ? `Has: ${present.join(', ')}.` : '',
    absent.length ? `Not: ${absent.join(', ')}.` : '',
    likely.length ? `Possible: ${likely.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The longest reason an appointment takes. */
export const REASON_MAX_LENGTH = 500;

/** A summary as an appointment's reason: trimmed, and cut at a word (with "…") if it is longer than a reason may be. */
export function reasonFromSummary(summary: string, max: number = REASON_MAX_LENGTH): string {
  const text = summary.trim().replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** Why an answer did not go through, in a sentence; the question stays, to answer again. */
export function answerFailedText(error: unknown): string {
  return `Your answer could not be sent. ${problemMessage(error)}`;
}
