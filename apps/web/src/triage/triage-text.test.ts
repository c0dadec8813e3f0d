import { describe, expect, it } from 'vitest';
import type { TriageResult } from '@confide/contract';
import {
  answerText,
  conditionLikelihood,
  durationText,
  likelihoodWords,
  percentText,
  phoneParts,
  reasonFromSummary,
  summaryOfResult,
  understoodSentences,
} from './triage-text';

describe('how likely a condition is, in words', () => {
  it('puts the probability into plain words and a whole percentage', () => {
    expect(conditionLikelihood({ name: 'Tonsillitis', probability: 0.62 })).toBe('Tonsillitis — likely (62%)');
    expect(conditionLikelihood({ name: 'Flu', probability: 0.8 })).toBe('Flu — very likely (80%)');
    expect(conditionLikelihood({ name: 'A cold', probability: 0.171 })).toBe('A cold — possible (17%)');
    expect(conditionLikelihood({ name: 'Measles', probability: 0.04 })).toBe('Measles — less likely (4%)');
  });

  it('has no gaps between the bands', () => {
    expect(likelihoodWords(0.75)).toBe('very likely');
    expect(likelihoodWords(0.7499)).toBe('likely');
    expect(likelihoodWords(0.45)).toBe('likely');
    expect(likelihoodWords(0.15)).toBe('possible');
    expect(likelihoodWords(0.1499)).toBe('less likely');
    expect(likelihoodWords(0)).toBe('less likely');
  });

  it('never says 0%', () => {
    expect(percentText(0.004)).toBe('less than 1%');
    expect(percentText(0.005)).toBe('1%');
    expect(percentText(1)).toBe('100%');
  });
});

describe('answers and durations as the patient reads them', () => {
  it('writes yes, no and not sure', () => {
    expect([answerText(true), answerText(false), answerText(null)]).toEqual(['Yes', 'No', 'Not sure']);
  });

  it('writes how long in days, weeks, months or years', () => {
    expect(durationText(0.2)).toBe('less than a day');
    expect(durationText(1)).toBe('1 day');
    expect(durationText(3)).toBe('3 days');
    expect(durationText(21)).toBe('about 3 weeks');
    expect(durationText(90)).toBe('about 3 months');
    expect(durationText(1095)).toBe('about 3 years');
  });

  it('says what was understood, present and absent apart', () => {
    const findings = [
      { id: 'sore-throat', label: 'sore throat', present: true },
      { id: 'fever', label: 'a high temperature', present: true },
      { id: 'cough', label: 'cough', present: false },
    ];
    expect(understoodSentences(findings)).toEqual({
      has: 'You said you have: sore throat, a high temperature.',
      hasNot: 'You said you do not have: cough.',
    });
    expect(understoodSentences([])).toEqual({ has: null, hasNot: null });
  });
});

describe('phone numbers in advice', () => {
  it('finds 999, 111 and Samaritans 116 123 as tel: links', () => {
    expect(phoneParts('If you are in danger now, call 999. Talk to Samaritans free on 116 123.')).toEqual([
      { kind: 'text', text: 'If you are in danger now, call ' },
      { kind: 'phone', text: '999', href: 'tel:999' },
      { kind: 'text', text: '. Talk to Samaritans free on ' },
      { kind: 'phone', text: '116 123', href: 'tel:116123' },
      { kind: 'text', text: '.' },
    ]);
    expect(phoneParts('call 111 (option 2)')).toEqual([
      { kind: 'text', text: 'call ' },
      { kind: 'phone', text: '111', href: 'tel:111' },
      { kind: 'text', text: ' (option 2)' },
    ]);
  });

  it('leaves other numbers and plain text alone', () => {
    expect(phoneParts('text SHOUT to 85258, or 19990 or 1112')).toEqual([{ kind: 'text', text: 'text SHOUT to 85258, or 19990 or 1112' }]);
    expect(phoneParts('')).toEqual([]);
  });
});

describe('the summary that can go with an appointment', () => {
  const result = {
    advice: { label: 'Get help today', text: '', crisis: null },
    findings: [
      { id: 'sore-throat', label: 'sore throat', present: true },
      { id: 'cough', label: 'cough', present: false },
    ],
    conditions: [
      { name: 'Tonsillitis', probability: 0.171 },
      { name: 'Scarlet fever', probability: 0.153 },
      { name: 'Glandular fever', probability: 0.1 },
    ],
  } as TriageResult;

  it('is worded as the server words a kept check’s summary', () => {
    expect(summaryOfResult(result)).toBe(
      'Symptom checker: Get help today. Has: sore throat. Not: cough. Possible: Tonsillitis (17%), Scarlet fever (15%).',
    );
  });

  it('fits the reason field: at most 500 characters, cut at a word with an ellipsis', () => {
    expect(reasonFromSummary('  Symptom checker:  See a GP. ')).toBe('Symptom checker: See a GP.');
    const long = `Symptom checker: See a GP. Has: ${Array.from({ length: 120 }, (_, i) => `finding${i}`).join(', ')}.`;
    const reason = reasonFromSummary(long);
    expect(reason.length).toBeLessThanOrEqual(500);
    expect(reason.endsWith('…')).toBe(true);
    expect(reason).toMatch(/finding\d+…$/);
    expect(long.startsWith(reason.slice(0, -1))).toBe(true);
    expect(reasonFromSummary('x'.repeat(600))).toHaveLength(500);
    expect(reasonFromSummary('a'.repeat(500))).toHaveLength(500);
  });
});
