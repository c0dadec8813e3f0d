/** Checks the knowledge base and the evaluation vignettes: `npx tsx packages/triage/scripts/check-knowledge.ts`. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base';
import { VignettesFile } from '../src/knowledge/schema';

const kb = loadKnowledgeBase();
const byCategory = new Map<string, number>();
for (const c of kb.conditions) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
console.log(`${kb.conditions.length} conditions, ${kb.findings.size} findings, ${kb.redFlags.length} red-flag rules`);
console.log([...byCategory].map(([k, n]) => `${k} ${n}`).join(', '));
const dir = path.join(import.meta.dirname, '../src/evaluation');
let vignettes = 0;
const ids = new Set(kb.conditions.map((c) => c.id));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const list = VignettesFile.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  for (const v of list) {
    if (!ids.has(v.expected.conditionId)) throw new Error(`${file}: vignette ${v.id} expects unknown condition ${v.expected.conditionId}`);
    for (const f of Object.keys(v.answers ?? {})) if (!kb.findings.has(f)) throw new Error(`${file}: vignette ${v.id} answers unknown finding ${f}`);
  }
  vignettes += list.length;
}
console.log(`${vignettes} vignettes: OK`);
