import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRIAGE_LEVELS, VignettesFile, type TriageLevel } from '../knowledge/schema';
import type { CheckResult, SymptomChecker } from '../symptom-checker';

type VignetteEntry = ReturnType<typeof VignettesFile.parse>[number];

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The project's own evaluation vignettes (evaluation/vignettes-*.json). */
export function loadVignettes(dir = HERE): VignetteEntry[] {
  return readdirSync(dir)
    .filter((f) => /^vignettes-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => VignettesFile.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
}

export interface Evaluation {
  readonly cases: number;
  /** The triage level exactly right. */
  readonly triageAccuracy: number;
  /** Emergencies not sent to emergency care (must be 0). */
  readonly emergencyUnderTriage: { count: number; of: number; ids: string[] };
  /** Sent to a less urgent level than needed (any level). */
  readonly underTriage: number;
  /** Sent to a more urgent level than needed. */
  readonly overTriage: number;
  readonly top1: number;
  readonly top3: number;
  /** How many follow-up questions were asked (conversational mode). */
  readonly questionsAsked: number;
  readonly misses: { id: string; expected: string; got: string; top: string[] }[];
}

const rank = (l: TriageLevel) => TRIAGE_LEVELS.indexOf(l);

/**
 * Runs every vignette through the checker: single-shot (the text alone), or as a conversation — the checker asks
 * its questions and the vignette's answers are given, up to
 * `maxQuestions`; a question the vignette does not answer is answered "not sure".
 */
export function evaluate(checker: SymptomChecker, vignettes: readonly VignetteEntry[], mode: 'single' | 'conversation', maxQuestions = 8): Evaluation {
  let right = 0;
  let under = 0;
  let over = 0;
  let top1 = 0;
  let top3 = 0;
  let asked = 0;
  const emergencies = vignettes.filter((v) => v.expected.triage === 'emergency');
  const missedEmergencies: string[] = [];
  const misses: Evaluation['misses'] = [];
  for (const v of vignettes) {
    let result: CheckResult = checker.check({ text: v.text, age: v.age, sex: v.sex });
    if (mode === 'conversation') {
      const answers: Record<string, boolean> = {};
      const notSure: string[] = [];
      for (let q = 0; q < maxQuestions && result.questions.length > 0; q++) {
        const next = result.questions[0]!.findingId;
        // The vignette answers what it says; anything else is "not sure" (no evidence either way).
        if (next in v.answers) answers[next] = v.answers[next]!;
        else notSure.push(next);
        asked += 1;
        result = checker.check({ text: v.text, age: v.age, sex: v.sex, answers, notSure });
      }
    }
    const got = result.triage.level;
    if (got === v.expected.triage) right += 1;
    else if (rank(got) > rank(v.expected.triage)) under += 1;
    else over += 1;
    if (v.expected.triage === 'emergency' && got !== 'emergency') missedEmergencies.push(v.id);
    const ids = result.conditions.map((c) => c.id);
    if (ids[0] === v.expected.conditionId) top1 += 1;
    if (ids.slice(0, 3).includes(v.expected.conditionId)) top3 += 1;
    if (got !== v.expected.triage || !ids.slice(0, 3).includes(v.expected.conditionId)) {
      misses.push({ id: v.id, expected: `${v.expected.triage} ${v.expected.conditionId}`, got: got, top: ids.slice(0, 3) });
    }
  }
  const n = vignettes.length;
  return {
    cases: n,
    triageAccuracy: right / n,
    emergencyUnderTriage: { count: missedEmergencies.length, of: emergencies.length, ids: missedEmergencies },
    underTriage: under / n,
    overTriage: over / n,
    top1: top1 / n,
    top3: top3 / n,
    questionsAsked: asked,
    misses,
  };
}
