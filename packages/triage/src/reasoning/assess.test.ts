import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionEntry, KnowledgeBase } from '../knowledge/knowledge-base';
import type { Finding, TriageLevel } from '../knowledge/schema';
import { TRIAGE_LEVELS } from '../knowledge/schema';
import { assess, nextQuestions, posterior, type Evidence } from './assess';

// A small knowledge base of its own, so these tests are about the reasoning, not the content.
const finding = (id: string, redFlag?: Finding['redFlag']): Finding => ({ id, label: id, question: `${id}?`, kind: 'symptom', terms: [id], ...(redFlag ? { redFlag } : {}) });
const condition = (id: string, urgency: TriageLevel, findings: Record<string, number>, extra: Partial<ConditionEntry> = {}): ConditionEntry => ({
  id, name: id, category: 'general', urgency, prevalence: 'common', profession: 'gp', findings, redFlags: [], selfCare: 'Rest.', safetyNet: 'Call 111.',
  references: [{ title: 'NHS', url: 'https://www.nhs.uk/' }], ...extra,
});
const kb: KnowledgeBase = {
  findings: new Map([
    ['sore-throat', finding('sore-throat')], ['fever', finding('fever')], ['cough', finding('cough')], ['runny-nose', finding('runny-nose')],
    ['drooling', finding('drooling', { level: 'emergency', message: 'Call 999.' })], ['chest-pain', finding('chest-pain')], ['sweating', finding('sweating')],
    ['pregnant', finding('pregnant')], ['ear-pain', finding('ear-pain')],
  ]),
  conditions: [
    condition('cold', 'self_care', { 'sore-throat': 0.5, 'runny-nose': 0.9, cough: 0.6, fever: 0.2 }, { prevalence: 'very_common' }),
    condition('tonsillitis', 'pharmacist', { 'sore-throat': 0.95, fever: 0.8, cough: 0.1, 'runny-nose': 0.1 }),
    condition('epiglottitis', 'emergency', { 'sore-throat': 0.9, fever: 0.8, drooling: 0.6, cough: 0.1 }, { prevalence: 'rare' }),
    condition('heart-attack', 'emergency', { 'chest-pain': 0.9, sweating: 0.6 }, { prevalence: 'uncommon', ages: [30, 120] }),
    condition('ectopic', 'emergency', { pregnant: 0.9, 'ear-pain': 0.01, fever: 0.05 }, { prevalence: 'rare', sex: 'female', ages: [12, 55] }),
    condition('otitis', 'routine', { 'ear-pain': 0.95, fever: 0.5, 'runny-nose': 0.3 }, { redFlags: [{ finding: 'drooling', level: 'emergency', message: 'x' }] }),
  ],
  redFlags: [{ id: 'cardiac', all: ['chest-pain'], any: ['sweating'], level: 'emergency', message: 'Call 999 now.' }],
};
const ev = (present: string[], absent: string[] = [], more: Partial<Evidence> = {}): Evidence => ({
  present: new Set(present), absent: new Set(absent), age: 30, sex: null, durationDays: null, ...more,
});
const rank = (l: TriageLevel) => TRIAGE_LEVELS.indexOf(l);

describe('reasoning', () => {
  it('ranks by naive Bayes: "no cough" with a sore throat and fever favours tonsillitis over a cold', () => {
    const ranked = posterior(kb.conditions, ev(['sore-throat', 'fever'], ['cough', 'runny-nose']));
    expect(ranked[0]!.condition.id).toBe('tonsillitis');
    const cold = posterior(kb.conditions, ev(['runny-nose', 'cough', 'sore-throat']));
    expect(cold[0]!.condition.id).toBe('cold');
    expect(cold.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 6);
  });

  it('errs up: a dangerous condition that is plausible sets the level even when it is not the most likely', () => {
    const a = assess(kb, ev(['sore-throat', 'fever'], ['cough', 'runny-nose']));
    expect(a.conditions[0]!.condition.id).toBe('tonsillitis');
    const epiglottitis = a.conditions.find((c) => c.condition.id === 'epiglottitis')!.probability;
    expect(a.level).toBe(epiglottitis >= 0.05 ? 'emergency' : 'pharmacist');
  });

  it('red flags first: a red-flag finding or combination decides the level, and says why', () => {
    const a = assess(kb, ev(['chest-pain', 'sweating']));
    expect(a.level).toBe('emergency');
    expect(a.redFlags[0]).toMatchObject({ id: 'cardiac', level: 'emergency' });
    expect(a.because).toEqual(expect.arrayContaining(['chest-pain', 'sweating']));
    expect(assess(kb, ev(['runny-nose', 'drooling'])).level).toBe('emergency');
  });

  it('age and sex rule conditions in or out', () => {
    const a = assess(kb, ev(['pregnant'], [], { sex: 'male', age: 30 }));
    expect(a.conditions.map((c) => c.condition.id)).not.toContain('ectopic');
    expect(assess(kb, ev(['chest-pain'], [], { age: 8 })).conditions.map((c) => c.condition.id)).not.toContain('heart-attack');
  });

  it('asks next what best separates the likely conditions, red-flag questions first', () => {
    const e = ev(['sore-throat']);
    const questions = nextQuestions(kb, e, posterior(kb.conditions, e), 3);
    expect(questions[0]).toBe('drooling');
    expect(questions.slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/runny-nose|fever|cough/)]));
    expect(questions).not.toContain('sore-throat');
  });

  it('property: reporting a red-flag finding never leaves the level below that flag’s level', () => {
    const ids = [...kb.findings.keys()];
    fc.assert(
      fc.property(fc.subarray(ids), fc.subarray(ids), fc.integer({ min: 0, max: 100 }), (present, absent, age) => {
        const e = ev([...present, 'drooling'], absent.filter((f) => !present.includes(f) && f !== 'drooling'), { age });
        expect(assess(kb, e).level).toBe('emergency');
      }),
      { numRuns: 500 },
    );
  });

  it('property: a more urgent level than the evidence of any plausible condition is never taken away by adding findings it does not explain', () => {
    const ids = [...kb.findings.keys()].filter((f) => !kb.findings.get(f)!.redFlag);
    fc.assert(
      fc.property(fc.subarray(ids, { minLength: 1 }), (present) => {
        const a = assess(kb, ev(present));
        // The level is at least as urgent as every condition above the plausibility threshold.
        for (const { condition, probability } of a.conditions) {
          if (probability >= 0.15) expect(rank(a.level)).toBeLessThanOrEqual(rank(condition.urgency));
        }
      }),
      { numRuns: 300 },
    );
  });
});
