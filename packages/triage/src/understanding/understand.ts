import type { Finding } from '../knowledge/schema';
import { readAge, readDurationDays, readSex, readSeverity } from './demographics';
import { isNegated } from './negation';
import { tokenize, type Token } from './tokens';

/** What was understood from a description: findings present and absent, and who, how long, how bad. */
export interface Understanding {
  readonly present: string[];
  readonly absent: string[];
  readonly age: number | null;
  readonly sex: 'female' | 'male' | null;
  readonly durationDays: number | null;
  readonly severity: 'mild' | 'moderate' | 'severe' | null;
  /** Each phrase matched, for explaining what was understood. */
  readonly matches: { findingId: string; text: string; negated: boolean }[];
}

interface Term {
  /** The term's stems, fillers left out ("burning when peeing" → burn, pee). */
  readonly stems: string[];
  readonly findingId: string;
  /** Kept with its filler words, matched word for word. */
  readonly exact: boolean;
  /** Words in the term as written (a tie-break: "hit my head" beats "hit my"). */
  readonly length: number;
}

/**
 * The lexicon: every finding's terms as stems without filler words, indexed by first stem, longest first — so
 * "chest pain" wins over "pain", "burning when I pee" matches "burning when peeing", and "no cough" is matched as a
 * negated "cough".
 */
export class Lexicon {
  private readonly byFirstStem = new Map<string, Term[]>();

  constructor(findings: Iterable<Finding>) {
    for (const f of findings) {
      this.ids.add(f.id);
      for (const term of f.terms) {
        const tokens = tokenize(term);
        const content = tokens.filter((t) => !t.filler).map((t) => t.stem);
        // Fillers are skipped only between a term's own words: a phrase that is one word once they are dropped
        // ("throw up", "end it all", "into my neck") keeps them all, or it would fire on the bare word.
        // Numbers ("10 out of 10") are matched exactly, never loosely.
        const exact = !(content.length > 1 || (content.length === 1 && tokens.length === 1)) || tokens.some((t) => /^\d/.test(t.word));
        const stems = exact ? tokens.map((t) => t.stem) : content;
        if (stems.length === 0) continue;
        const list = this.byFirstStem.get(stems[0]!) ?? [];
        list.push({ stems, findingId: f.id, exact, length: tokens.length });
        if (!exact && stems.length >= 2) this.loose.push({ stems, findingId: f.id, exact, length: tokens.length });
        this.byFirstStem.set(stems[0]!, list);
      }
    }
    for (const list of this.byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length || b.length - a.length);
    this.loose.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** Multi-word terms, for the second, looser pass: their words in any order, close together, in one clause. */
  readonly loose: Term[] = [];
  private readonly ids = new Set<string>();

  knows(findingId: string): boolean {
    return this.ids.has(findingId);
  }

  /**
   * The longest term starting at token i (a non-filler word), skipping filler words between its words; returns the
   * term and the index after its last token.
   */
  matchAt(tokens: readonly Token[], i: number): { term: Term; end: number } | null {
    const first = tokens[i]!;
    for (const term of this.byFirstStem.get(first.stem) ?? []) {
      let j = i + 1;
      let ok = true;
      for (let k = 1; k < term.stems.length; k++) {
        if (!term.exact) while (j < tokens.length && tokens[j]!.filler && tokens[j]!.stem !== term.stems[k]) j += 1;
        if (tokens[j]?.stem !== term.stems[k]) {
          ok = false;
          break;
        }
        j += 1;
      }
      if (ok) return { term, end: j };
    }
    return null;
  }
}



/**
 * Turns a patient's or clinician's description into findings: terms matched longest first over words (so "sore
 * throat" is one finding), negation by its trigger words and scope ("no cough", "denies chest pain", "without
 * fever or rash"), and age, sex, duration and severity read from the text. A finding stated both ways counts as
 * present (safer).
 */
export function understand(text: string, lexicon: Lexicon): Understanding {
  const tokens = tokenize(text);
  const matches: Understanding['matches'] = [];
  const used = new Array<boolean>(tokens.length).fill(false);
  // First pass: terms as phrases (filler words skipped), longest first.
  for (let i = 0; i < tokens.length; ) {
    const found = lexicon.matchAt(tokens, i);
    if (!found) {
      i += 1;
      continue;
    }
    const { term, end } = found;
    matches.push({ findingId: term.findingId, text: text.slice(tokens[i]!.start, tokens[end - 1]!.end), negated: isNegated(tokens, i, end) });
    for (let k = i; k < end; k++) used[k] = true;
    i = end;
  }
  // Second pass: a multi-word term whose words all appear, in any order, among a few unused words of one clause
  // ("pain in the middle of his chest", "lips look a bit blue").
  const seen = new Set(matches.map((m) => m.findingId));
  for (const term of lexicon.loose) {
    if (seen.has(term.findingId)) continue;
    const hit = looseMatch(tokens, used, term.stems);
    if (!hit) continue;
    seen.add(term.findingId);
    matches.push({ findingId: term.findingId, text: text.slice(tokens[hit.from]!.start, tokens[hit.to]!.end), negated: isNegated(tokens, hit.from, hit.to + 1) });
    for (const k of hit.positions) used[k] = true;
  }
  for (const m of quantityFindings(text)) if (lexicon.knows(m.findingId)) matches.push(m);
  const present = new Set(matches.filter((m) => !m.negated).map((m) => m.findingId));
  const absent = new Set(matches.filter((m) => m.negated && !present.has(m.findingId)).map((m) => m.findingId));
  return {
    present: [...present],
    absent: [...absent],
    age: readAge(text),
    sex: readSex(text),
    durationDays: readDurationDays(text),
    severity: readSeverity(text),
    matches,
  };
}

const CLAUSE_END = new Set(['.', ';', '!', '?', 'but', 'however', 'although', 'though', 'whereas']);
/** Extra words a loose match may span beyond the term's own. */
const SLACK = 3;

/** The term's stems found among unused tokens of one clause within a short window, in any order. */
function looseMatch(tokens: readonly Token[], used: readonly boolean[], stems: readonly string[]): { from: number; to: number; positions: number[] } | null {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || tokens[i]!.filler || !stems.includes(tokens[i]!.stem)) continue;
    const wanted = new Set(stems);
    const positions: number[] = [];
    let content = 0;
    for (let j = i; j < tokens.length && content < stems.length + SLACK; j++) {
      const t = tokens[j]!;
      if (CLAUSE_END.has(t.word)) break;
      if (t.filler) continue;
      content += 1;
      if (!used[j] && wanted.has(t.stem)) {
        wanted.delete(t.stem);
        positions.push(j);
        if (wanted.size === 0) return { from: i, to: j, positions };
      }
    }
  }
  return null;
}

const COUNT_WORDS: Record<string, number> = { ten: 10, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, dozen: 12 };
const MEDICINES = 'tablets?|pills?|capsules?|paracetamol|ibuprofen|aspirin|co-codamol|codeine|sertraline|citalopram|fluoxetine|amitriptyline|diazepam|iron tablets?|sleeping tablets?';

/** Quantities that are findings in themselves: "took about 30 paracetamol" is an overdose, whatever words surround it. */
function quantityFindings(text: string): Understanding['matches'] {
  const t = text.toLowerCase();
  const out: { findingId: string; text: string; negated: boolean }[] = [];
  const m = new RegExp(`\\b(?:took|taken|swallowed|had|eaten|ate)\\s+(?:about|around|nearly|over|maybe|roughly|at least|a whole packet of|)\\s*(\\d+|${Object.keys(COUNT_WORDS).join('|')})\\s+(?:x\\s+)?(?:\\w+\\s+){0,3}?(${MEDICINES})\\b`).exec(t);
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : COUNT_WORDS[m[1]!]!;
    if (n >= 8) {
      out.push({ findingId: 'took-overdose', text: m[0], negated: false });
      if (m[2]!.startsWith('paracetamol') || m[2]!.startsWith('co-codamol')) out.push({ findingId: 'paracetamol-overdose-taken', text: m[0], negated: false });
    }
  }
  return out;
}
