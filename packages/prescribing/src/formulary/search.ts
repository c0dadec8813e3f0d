import type { Medicine } from './schema';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Search as you type: medicines whose name starts with the query first, then those with a word starting with it
 * (e.g. "amox" finds "Co-amoxiclav" after "Amoxicillin"), then any match in name, strength or form; alphabetical
 * within each. Every word of the query must match.
 */
export function searchFormulary(medicines: readonly Medicine[], query: string, limit = 20): Medicine[] {
  const words = norm(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const scored: { m: Medicine; score: number }[] = [];
  for (const m of medicines) {
    const name = norm(m.name);
    const all = `${name} ${norm(m.strength)} ${norm(m.form)} ${norm(m.therapeuticClass)}`;
    if (!words.every((w) => all.includes(w))) continue;
    const first = words[0]!;
    const score = name.startsWith(first) ? 0 : name.split(' ').some((w) => w.startsWith(first)) || name.includes(first) ? 1 : 2;
    scored.push({ m, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.m.name.localeCompare(b.m.name) || a.m.strength.localeCompare(b.m.strength, 'en', { numeric: true }))
    .slice(0, limit)
    .map((x) => x.m);
}
