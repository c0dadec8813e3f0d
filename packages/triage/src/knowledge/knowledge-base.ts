import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Condition, ConditionsFile, FindingsFile, RedFlagsFile, type Finding, type RedFlagRule } from './schema';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export type ConditionEntry = z.output<typeof Condition>;

/** The whole knowledge base, validated, with its cross-references checked. */
export interface KnowledgeBase {
  readonly findings: ReadonlyMap<string, Finding>;
  readonly conditions: readonly ConditionEntry[];
  readonly redFlags: readonly RedFlagRule[];
}

function readAll<T>(dir: string, schema: z.ZodType<T[]>): { file: string; items: T[] }[] {
  const full = path.join(HERE, dir);
  return readdirSync(full)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = schema.safeParse(JSON.parse(readFileSync(path.join(full, file), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${dir}/${file}: ${issue.path.join('.')}: ${issue.message}`);
      }
      return { file: `${dir}/${file}`, items: parsed.data };
    });
}

/** Problems with the knowledge base as a whole (empty when it is sound). */
export function knowledgeProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const referenced = new Set<string>();
  const ids = new Set<string>();
  for (const c of kb.conditions) {
    if (ids.has(c.id)) problems.push(`condition ${c.id} is defined twice`);
    ids.add(c.id);
    for (const f of [...Object.keys(c.findings), ...c.redFlags.map((r) => r.finding)]) {
      referenced.add(f);
      if (!kb.findings.has(f)) problems.push(`condition ${c.id} refers to unknown finding ${f}`);
    }
    if (c.ages && c.ages[0] > c.ages[1]) problems.push(`condition ${c.id} has ages the wrong way round`);
  }
  for (const r of kb.redFlags) {
    for (const f of [...r.all, ...(r.any ?? [])]) {
      referenced.add(f);
      if (!kb.findings.has(f)) problems.push(`red flag ${r.id} refers to unknown finding ${f}`);
    }
  }
  const terms = new Map<string, string>();
  for (const f of kb.findings.values()) {
    if (!referenced.has(f.id) && !f.redFlag) problems.push(`finding ${f.id} is used by no condition or red flag`);
    for (const t of f.terms) {
      const other = terms.get(t);
      if (other && other !== f.id) problems.push(`term "${t}" belongs to both ${other} and ${f.id}`);
      terms.set(t, f.id);
    }
  }
  return problems;
}

let cached: KnowledgeBase | null = null;

/** Loads and checks the knowledge base files (once per process). Throws on any problem. */
export function loadKnowledgeBase(): KnowledgeBase {
  if (cached) return cached;
  const findings = new Map<string, Finding>();
  for (const { file, items } of readAll('findings', FindingsFile)) {
    for (const f of items) {
      if (findings.has(f.id)) throw new Error(`${file}: finding ${f.id} is already defined`);
      findings.set(f.id, f);
    }
  }
  const conditions = readAll('conditions', ConditionsFile).flatMap((x) => x.items) as ConditionEntry[];
  const redFlags = readAll('red-flags', RedFlagsFile).flatMap((x) => x.items);
  const kb = { findings, conditions, redFlags };
  const problems = knowledgeProblems(kb);
  if (problems.length > 0) throw new Error(`knowledge base: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (and ${problems.length - 20} more)` : ''}`);
  cached = kb;
  return kb;
}
