/**
 * `npm run triage:eval`: the symptom checker against the project's own written vignettes, single-shot (text only) and
 * as a conversation (it asks, the vignette answers). Prints triage accuracy, emergency under-triage, over-triage and
 * top-1 / top-3 diagnosis; exits non-zero if any emergency is under-triaged. `--misses` lists the cases it got wrong.
 */
import path from 'node:path';
import { evaluate, loadVignettes } from '../src/evaluation/evaluate';
import { SymptomChecker } from '../src/symptom-checker';

const checker = new SymptomChecker();
const own = loadVignettes();
// Written blind by someone who saw only the list of condition names, never the knowledge base or the engine.
const heldOut = loadVignettes(path.join(import.meta.dirname, '../src/evaluation/held-out'));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
let failed = false;
console.log(`Symptom checker: ${checker.kb.conditions.length} conditions, ${checker.kb.findings.size} findings, ${checker.kb.redFlags.length} red-flag rules`);
const runs = [
  { name: `Project vignettes (${own.length}), single-shot (text only)`, vignettes: own, mode: 'single' as const },
  { name: `Project vignettes (${own.length}), conversation (up to 8 questions answered)`, vignettes: own, mode: 'conversation' as const },
  { name: `Held-out vignettes written blind (${heldOut.length}), single-shot`, vignettes: heldOut, mode: 'single' as const },
];
for (const { name, vignettes, mode } of runs) {
  const e = evaluate(checker, vignettes, mode);
  console.log(`\n${name}:`);
  console.log(`  triage accuracy            ${pct(e.triageAccuracy)}`);
  console.log(`  emergency under-triage     ${e.emergencyUnderTriage.count} of ${e.emergencyUnderTriage.of}${e.emergencyUnderTriage.count ? ` (${e.emergencyUnderTriage.ids.join(', ')})` : ''}`);
  console.log(`  under-triage (any level)   ${pct(e.underTriage)}`);
  console.log(`  over-triage                ${pct(e.overTriage)}`);
  console.log(`  top-1 diagnosis            ${pct(e.top1)}`);
  console.log(`  top-3 diagnosis            ${pct(e.top3)}`);
  if (mode === 'conversation') console.log(`  questions asked            ${(e.questionsAsked / e.cases).toFixed(1)} a case`);
  if (process.argv.includes('--misses')) for (const m of e.misses) console.log(`    ${m.id}: expected ${m.expected}; got ${m.got} [${m.top.join(', ')}]`);
  if (e.emergencyUnderTriage.count > 0) failed = true;
}
if (failed) {
  console.error('\nAn emergency was not triaged as an emergency.');
  process.exit(1);
}
