/** A word of the text, lower-cased, with its stem and where it came from; clause punctuation is kept as a token. */
export interface Token {
  readonly word: string;
  /** The word folded to its singular and without "-ing" ("legs" → "leg", "peeing" → "pee"), so terms match either form. */
  readonly stem: string;
  /** A word that carries no meaning for matching ("my", "the", "when"): terms match across it. */
  readonly filler: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * Words skipped when matching terms, so "burning when I pee" matches "burning when peeing" and "pain in the chest"
 * matches "pain in my chest". Never negation or clause words (those decide negation scope).
 */
const FILLERS = new Set([
  'a', 'an', 'the', 'i', 'me', 'my', 'mine', 'myself', 'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'it', 'its', 'of', 'to',
  'in', 'on', 'at', 'when', 'whenever', 'while', 'very', 'really', 'quite', 'so', 'just', 'also', 'too', 'some', 'that', 'this', 'these',
  'those', 'there', 'he', 'she', 'his', 'her', 'him', 'they', 'them', 'their', 'we', 'our', 'us', 'you', 'your', 'do', 'does', 'did',
  'kind', 'sort', 'bit', 'little', 'lot', 'lots', 'all', 'up', 'out', 'over', 'from', 'into', 'by', 'like', 'feel', 'feels', 'felt', 'feeling',
  'keep', 'keeps', 'kept', 'get', 'gets', 'getting', 'got', 'gone', 'go', 'going', 'goes', 'went', 'having', 'badly', 'bad',
]);

/** Spellings folded together before matching (British and American, common contractions). */
const FOLD: Record<string, string> = {
  "can't": 'cannot', cant: 'cannot', "won't": 'will not', "don't": 'do not', dont: 'do not', "doesn't": 'does not',
  "didn't": 'did not', "haven't": 'have not', "hasn't": 'has not', "isn't": 'is not', "wasn't": 'was not', "aren't": 'are not',
  "i'm": 'i am', im: 'i am', "i've": 'i have', "it's": 'it is', "she's": 'she is', "he's": 'he is', "couldn't": 'could not',
};

const WORD = /[a-z0-9]+(?:['’][a-z]+)?|[.;:!?,()]/g;

export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase().replace(/’/g, "'");
  const out: Token[] = [];
  for (const m of lower.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const folded = FOLD[raw];
    for (const w of folded ? folded.split(' ') : [raw]) out.push({ word: w, stem: stemOf(w), filler: FILLERS.has(w), start, end: start + raw.length });
  }
  return out;
}

const stems = new Map<string, string>();
function stemOf(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = plural(word);
    stems.set(word, s);
  }
  return s;
}

/**
 * Plural to singular ("legs" → "leg", "ankles" → "ankle") and "-ing" dropped. Full stemming (Porter) was measured and rejected:
 * it merges words that mean different things ("spotting" and "spot") and did worse on the held-out vignettes.
 */
function plural(word: string): string {
  // "-ing" forms too: "peeing" → "pee", "coughing" → "cough" (long words only; "-ed" is left alone: "scared", "scar").
  if (word.length >= 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}
