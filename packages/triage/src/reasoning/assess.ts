import type { ConditionEntry, KnowledgeBase } from '../knowledge/knowledge-base';
import { PREVALENCE, TRIAGE_LEVELS, type TriageLevel } from '../knowledge/schema';

/** What is known about the person so far: findings reported present or absent, and who they are. */
export interface Evidence {
  readonly present: ReadonlySet<string>;
  readonly absent: ReadonlySet<string>;
  readonly age: number | null;
  readonly sex: 'female' | 'male' | null;
  readonly durationDays: number | null;
}

export interface RedFlagHit {
  readonly id: string;
  readonly level: 'emergency' | 'urgent';
  readonly message: string;
  readonly crisis: boolean;
  /** The patient's findings that raised it. */
  readonly findings: string[];
}

export interface RankedCondition {
  readonly condition: ConditionEntry;
  readonly probability: number;
}

export interface Assessment {
  readonly level: TriageLevel;
  /** Red flags raised, most urgent first. */
  readonly redFlags: RedFlagHit[];
  /** Conditions by probability (those above 1%, at most 10). */
  readonly conditions: RankedCondition[];
  /** The patient's findings that led to the triage level, most telling first. */
  readonly because: string[];
  /** Whether it is confident enough to stop asking. */
  readonly settled: boolean;
}

/** P(finding | condition) for a finding a condition does not list: rare, not impossible. */
const LEAK = 0.02;
/** A condition is plausible (its urgency counts) from this probability; dangerous ones from lower (err up). */
const PLAUSIBLE = 0.15;
const PLAUSIBLE_DANGEROUS = 0.05;
const SETTLED = 0.75;
/** Below this, the most likely condition is a guess. */
const UNSURE = 0.3;

const rank = (level: TriageLevel) => TRIAGE_LEVELS.indexOf(level);
export const moreUrgent = (a: TriageLevel, b: TriageLevel): TriageLevel => (rank(a) <= rank(b) ? a : b);

function inAges(ages: readonly [number, number] | undefined, age: number | null): boolean {
  return !ages || age === null || (age >= ages[0] && age <= ages[1]);
}

/** The conditions that can apply to this person at all (age and sex). */
export function candidates(kb: KnowledgeBase, e: Pick<Evidence, 'age' | 'sex'>): ConditionEntry[] {
  return kb.conditions.filter((c) => inAges(c.ages, e.age) && (!c.sex || e.sex === null || c.sex === e.sex));
}

/** Naive Bayes over the candidates: log prior + log-likelihood of each finding reported present or absent. */
export function posterior(conditions: readonly ConditionEntry[], e: Evidence): RankedCondition[] {
  const scores = conditions.map((c) => {
    let s = Math.log(PREVALENCE[c.prevalence]);
    for (const f of e.present) s += Math.log(c.findings[f] ?? LEAK);
    for (const f of e.absent) s += Math.log(1 - (c.findings[f] ?? LEAK));
    if (e.durationDays !== null && c.durationDays) {
      const [from, to] = c.durationDays;
      if (e.durationDays < from * 0.5 || e.durationDays > to * 1.5) s += Math.log(0.3);
    }
    return s;
  });
  const max = Math.max(...scores);
  const weights = scores.map((s) => Math.exp(s - max));
  const total = weights.reduce((a, b) => a + b, 0);
  return conditions.map((condition, i) => ({ condition, probability: weights[i]! / total })).sort((a, b) => b.probability - a.probability);
}

/** Red flags first: single findings that need help at once, combinations, and escalations of likely conditions. */
export function redFlags(kb: KnowledgeBase, e: Evidence, likely: readonly RankedCondition[]): RedFlagHit[] {
  const hits: RedFlagHit[] = [];
  for (const f of e.present) {
    const finding = kb.findings.get(f);
    if (finding?.redFlag) hits.push({ id: f, level: finding.redFlag.level, message: finding.redFlag.message, crisis: Boolean(finding.crisis), findings: [f] });
  }
  for (const rule of kb.redFlags) {
    if (!inAges(rule.ages, e.age) || (rule.ages && e.age === null)) continue;
    if (!rule.all.every((f) => e.present.has(f))) continue;
    const any = rule.any?.filter((f) => e.present.has(f)) ?? [];
    if (rule.any && any.length === 0) continue;
    hits.push({ id: rule.id, level: rule.level, message: rule.message, crisis: Boolean(rule.crisis), findings: [...rule.all, ...any] });
  }
  for (const { condition, probability } of likely) {
    if (probability < PLAUSIBLE_DANGEROUS) continue;
    for (const flag of condition.redFlags) {
      if (e.present.has(flag.finding)) hits.push({ id: `${condition.id}:${flag.finding}`, level: flag.level, message: flag.message, crisis: false, findings: [flag.finding] });
    }
  }
  return hits.sort((a, b) => rank(a.level) - rank(b.level));
}

/**
 * The assessment: red flags, the ranked conditions, and the triage level — the most urgent of any red flag and of
 * every plausible condition (a dangerous one counts from a lower probability), so uncertainty errs up.
 */
export function assess(kb: KnowledgeBase, e: Evidence): Assessment {
  const ranked = posterior(candidates(kb, e), e);
  const flags = redFlags(kb, e, ranked);
  let level: TriageLevel = 'self_care';
  const because = new Set<string>();
  for (const flag of flags) {
    level = moreUrgent(level, flag.level);
    for (const f of flag.findings) because.add(f);
  }
  const plausible = ranked.filter(({ condition, probability }) =>
    probability >= (condition.urgency === 'emergency' || condition.urgency === 'urgent' ? PLAUSIBLE_DANGEROUS : PLAUSIBLE));
  for (const { condition } of plausible) level = moreUrgent(level, condition.urgency);
  // Too little understood to reassure: never self-care or a pharmacist on thin evidence (errs up to a GP).
  const thin = e.present.size < 2 || (ranked[0]?.probability ?? 0) < UNSURE;
  if (thin) level = moreUrgent(level, 'routine');
  // Why: the findings that most favour the conditions that set the level.
  const deciding = plausible.filter(({ condition }) => condition.urgency === level).map((r) => r.condition);
  const telling = [...e.present]
    .map((f) => ({ f, ratio: Math.max(0, ...deciding.map((c) => (c.findings[f] ?? LEAK) / LEAK)) }))
    .filter((x) => x.ratio > 1)
    .sort((a, b) => b.ratio - a.ratio);
  for (const { f } of telling) because.add(f);
  // Set by the thin-evidence floor (no plausible condition needs it): what was said, most telling for the likeliest.
  if (because.size === 0 && ranked[0]) {
    const top = ranked[0].condition;
    for (const f of [...e.present].sort((a, b) => (top.findings[b] ?? LEAK) - (top.findings[a] ?? LEAK))) because.add(f);
  }
  return {
    level,
    redFlags: flags,
    conditions: ranked.filter((r) => r.probability >= 0.01).slice(0, 10),
    because: [...because],
    settled: (ranked[0]?.probability ?? 0) >= SETTLED || flags.some((f) => f.level === 'emergency'),
  };
}

/**
 * The next questions worth asking, best first: red-flag findings the likely conditions make relevant (safety first),
 * then by expected information gain — how much a yes or no would sharpen the ranking.
 */
export function nextQuestions(kb: KnowledgeBase, e: Evidence, ranked: readonly RankedCondition[], limit = 3, skip: ReadonlySet<string> = new Set()): string[] {
  const asked = (f: string) => e.present.has(f) || e.absent.has(f) || skip.has(f);
  const dangerous = (c: ConditionEntry) => c.urgency === 'emergency' || c.urgency === 'urgent';
  // Likely conditions, and dangerous ones that are merely possible (their red flags are worth asking about).
  const top = ranked.filter((r) => r.probability >= 0.02 || (dangerous(r.condition) && r.probability >= 0.005)).slice(0, 12);
  if (top.length === 0) return [];
  const safety = new Set<string>();
  for (const { condition } of top.filter((r, i) => i < 5 || dangerous(r.condition))) {
    for (const flag of condition.redFlags) if (!asked(flag.finding)) safety.add(flag.finding);
    for (const f of Object.keys(condition.findings)) if (!asked(f) && kb.findings.get(f)?.redFlag) safety.add(f);
  }
  const entropy = (ps: number[]) => -ps.reduce((s, p) => (p > 0 ? s + p * Math.log2(p) : s), 0);
  const mass = top.reduce((s, r) => s + r.probability, 0);
  const prior = top.map((r) => r.probability / mass);
  const h0 = entropy(prior);
  const gains: { f: string; gain: number }[] = [];
  const seen = new Set<string>();
  for (const { condition } of top) {
    for (const f of Object.keys(condition.findings)) {
      if (seen.has(f) || asked(f)) continue;
      seen.add(f);
      const like = top.map((r) => r.condition.findings[f] ?? LEAK);
      const pYes = prior.reduce((s, p, i) => s + p * like[i]!, 0);
      const yes = prior.map((p, i) => (p * like[i]!) / pYes);
      const no = prior.map((p, i) => (p * (1 - like[i]!)) / (1 - pYes));
      gains.push({ f, gain: h0 - (pYes * entropy(yes) + (1 - pYes) * entropy(no)) });
    }
  }
  gains.sort((a, b) => b.gain - a.gain);
  const ordered = [...[...safety].slice(0, 2), ...gains.filter((g) => g.gain > 0.02).map((g) => g.f)];
  return [...new Set(ordered)].slice(0, limit);
}
