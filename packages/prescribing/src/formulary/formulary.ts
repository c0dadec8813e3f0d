import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InteractionsFile, MedicinesFile, type Interaction, type Medicine } from './schema';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface Formulary {
  readonly medicines: readonly Medicine[];
  readonly interactions: readonly Interaction[];
  readonly classes: ReadonlySet<string>;
}

function parse<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path.relative(HERE, file)}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Problems with the formulary as a whole (empty when it is sound). */
export function formularyProblems(f: Formulary): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Set(f.medicines.map((m) => m.name.toLowerCase()));
  for (const m of f.medicines) {
    if (ids.has(m.id)) problems.push(`medicine ${m.id} is defined twice`);
    ids.add(m.id);
    for (const c of m.classes) if (!f.classes.has(c)) problems.push(`medicine ${m.id}: unknown class ${c}`);
    if (m.maxDailyDose !== null && m.unitsPerDose === null) problems.push(`medicine ${m.id}: a maximum daily dose needs unitsPerDose`);
  }
  const pairs = new Set<string>();
  for (const i of f.interactions) {
    for (const side of [i.a, i.b]) if (!f.classes.has(side) && !names.has(side)) problems.push(`interaction ${i.id}: ${side} is neither a class nor a medicine`);
    const key = [i.a, i.b].sort().join('+');
    if (pairs.has(key)) problems.push(`interaction ${i.id}: ${key} is listed twice`);
    pairs.add(key);
  }
  return problems;
}

let cached: Formulary | null = null;

/** Loads and checks the formulary files (once per process). Throws on any problem. */
export function loadFormulary(): Formulary {
  if (cached) return cached;
  const classes = new Set(parse(path.join(HERE, 'classes.json'), z.array(z.string())));
  const dir = path.join(HERE, 'medicines');
  const medicines = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => parse(path.join(dir, f), MedicinesFile));
  const interactions = parse(path.join(HERE, 'interactions.json'), InteractionsFile);
  const f = { medicines, interactions, classes };
  const problems = formularyProblems(f);
  if (problems.length > 0) throw new Error(`formulary: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (and ${problems.length - 20} more)` : ''}`);
  cached = f;
  return f;
}
