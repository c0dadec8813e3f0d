/**
 * Symptom checker latency, run on demand (`npm run bench:triage`): every evaluation vignette assessed single-shot
 * BENCH_ROUNDS times (default 5), in-process through the checker and through the HTTP API
 * (POST /api/v1/triage/assess, in-process inject), after a warm-up. Reports median and p99.
 */
import { API } from '@confide/contract';
import { loadVignettes, SymptomChecker } from '@confide/triage';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/config';
import type { Databases } from '../apps/server/src/db/database';
import { migrate } from '../apps/server/src/db/migrate';
import { PgliteDatabase } from '../apps/server/src/db/pglite-database';
import { TEST_ENV } from '../apps/server/test/test-app';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function main(): Promise<void> {
  const t0 = performance.now();
  const checker = new SymptomChecker();
  const loadMs = performance.now() - t0;
  const vignettes = loadVignettes();
  for (const v of vignettes) checker.check({ text: v.text, age: v.age, sex: v.sex });
  const engine: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of vignettes) {
      const s = performance.now();
      checker.check({ text: v.text, age: v.age, sex: v.sex });
      engine.push(performance.now() - s);
    }
  }
  const db = await PgliteDatabase.open();
  await migrate(db);
  const dbs: Databases = { app: db, admin: db, close: () => db.close() };
  const app = await buildApp({ config: loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent', TRIAGE_ASSESSMENTS_PER_MINUTE: '1000000' }), dbs });
  await app.ready();
  const http: number[] = [];
  for (let r = 0; r < ROUNDS + 1; r++) {
    for (const v of vignettes) {
      const s = performance.now();
      const res = await app.inject({ method: 'POST', url: API.triageAssess, payload: { text: v.text, age: v.age, sex: v.sex } });
      if (res.statusCode !== 200) throw new Error(`assess failed: ${res.statusCode} ${res.body}`);
      if (r > 0) http.push(performance.now() - s);
    }
  }
  await app.close();
  await db.close();
  console.log(`Symptom checker (${checker.kb.conditions.length} conditions, ${checker.kb.findings.size} findings; ${vignettes.length} vignettes × ${ROUNDS}):`);
  console.log(`- knowledge base load and check: ${loadMs.toFixed(0)} ms (once per process)`);
  console.log(`- single-shot assessment, in-process: median ${pct(engine, 50).toFixed(2)} ms, p99 ${pct(engine, 99).toFixed(2)} ms`);
  console.log(`- POST ${API.triageAssess} (validation, assessment, serialisation): median ${pct(http, 50).toFixed(2)} ms, p99 ${pct(http, 99).toFixed(2)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
