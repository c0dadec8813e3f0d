import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVignettes } from '../evaluation/evaluate';
import { assess, candidates, posterior } from '../reasoning/assess';
import { loadKnowledgeBase } from './knowledge-base';
import { CATEGORIES } from './schema';

const kb = loadKnowledgeBase();

describe('the knowledge base', () => {
  it('has at least 200 conditions across every category, adults and children, each with sources', () => {
    expect(kb.conditions.length).toBeGreaterThanOrEqual(200);
    const categories = new Set(kb.conditions.map((c) => c.category));
    for (const c of CATEGORIES) expect(categories.has(c), c).toBe(true);
    expect(kb.conditions.filter((c) => !c.ages || c.ages[0] < 16).length).toBeGreaterThan(40);
    expect(kb.conditions.every((c) => c.references.length > 0 && c.selfCare.length > 0 && c.safetyNet.length > 0)).toBe(true);
  });

  it('every finding referenced exists and every finding is used (checked on load)', () => {
    for (const c of kb.conditions) for (const f of Object.keys(c.findings)) expect(kb.findings.has(f), `${c.id}: ${f}`).toBe(true);
  });

  it('every condition is reachable: with its typical findings (those of 50% or more, and at least its three strongest) it is among the three most likely', () => {
    const unreachable: string[] = [];
    for (const c of kb.conditions) {
      const age = c.ages ? (c.ages[0] + Math.min(c.ages[1], c.ages[0] + 30)) / 2 : 40;
      const sex = c.sex ?? 'female';
      const byStrength = Object.entries(c.findings).sort((a, b) => b[1] - a[1]);
      const typical = byStrength.filter(([, p], i) => p >= 0.5 || i < 3).map(([f]) => f);
      const atypical = Object.entries(c.findings).filter(([, p]) => p <= 0.1).map(([f]) => f);
      const ranked = posterior(candidates(kb, { age, sex }), { present: new Set(typical), absent: new Set(atypical), age, sex, durationDays: null });
      if (!ranked.slice(0, 3).some((r) => r.condition.id === c.id)) unreachable.push(`${c.id} (got ${ranked.slice(0, 3).map((r) => r.condition.id).join(', ')})`);
    }
    expect(unreachable).toEqual([]);
  });

  it('every red-flag rule fires on its own findings, at its level', () => {
    for (const rule of kb.redFlags) {
      const age = rule.ages ? rule.ages[0] : 40;
      const present = new Set([...rule.all, ...(rule.any ?? []).slice(0, 1)]);
      const a = assess(kb, { present, absent: new Set(), age, sex: 'female', durationDays: null });
      expect(a.redFlags.map((f) => f.id), rule.id).toContain(rule.id);
      expect(['emergency', 'urgent'].indexOf(a.level), rule.id).toBeLessThanOrEqual(['emergency', 'urgent'].indexOf(rule.level));
    }
  });

  it('no knowledge file names an evaluation vignette (the checker must generalise, not fit its own test set)', () => {
    const vignettes = loadVignettes();
    expect(vignettes.length).toBeGreaterThanOrEqual(150);
    const dir = path.join(import.meta.dirname);
    const files = ['findings', 'conditions', 'red-flags'].flatMap((d) => readdirSync(path.join(dir, d)).map((f) => readFileSync(path.join(dir, d, f), 'utf8')));
    for (const v of vignettes) for (const text of files) expect(text.includes(`"${v.id}"`), v.id).toBe(false);
    const ids = new Set(kb.conditions.map((c) => c.id));
    for (const v of vignettes) expect(ids.has(v.expected.conditionId), `${v.id} expects ${v.expected.conditionId}`).toBe(true);
  });
});
