import type { Token } from './tokens';

/**
 * Negation in the manner of NegEx: a trigger before a finding ("no", "denies", "without", "not had") negates it
 * while the clause lasts; a trigger after it ("… denied", "… absent") negates it too. Pseudo-triggers ("no better",
 * "not only") negate nothing.
 */
const PRE_TRIGGERS: string[][] = [
  ['no'], ['not'], ['without'], ['denies'], ['denied'], ['deny'], ['never'], ['none'], ['nor'], ['neither'],
  ['free', 'of'], ['negative', 'for'], ['absence', 'of'], ['no', 'sign', 'of'], ['no', 'signs', 'of'], ['ruled', 'out'],
];
const PSEUDO: string[][] = [
  ['no', 'better'], ['no', 'change'], ['no', 'improvement'], ['not', 'only'], ['not', 'sure'], ['not', 'improving'],
  ['no', 'longer', 'able'], ['not', 'getting', 'better'], ['not', 'go', 'away'], ['not', 'going', 'away'], ['not', 'stop'], ['not', 'stopping'],
  ['not', 'fade'], ['not', 'blanch'], ['not', 'settle'], ['not', 'settling'], ['not', 'responding'], ['not', 'making', 'sense'],
  ['cannot'], ['no', 'energy'], ['no', 'appetite'], ['not', 'eating'], ['not', 'sleeping'], ['not', 'hungry'], ['no', 'interest'],
];
const POST_TRIGGERS = new Set(['denied', 'absent', 'negative', 'normal']);
/** Words that end a negation's scope: a new clause begins. */
const TERMINATORS = new Set(['.', ';', ':', '!', '?', 'but', 'however', 'although', 'though', 'except', 'yet', 'apart', 'which', 'who', 'whereas', 'now', 'then', 'since', 'because', 'positive', 'present', 'yesterday', 'today', 'tonight', 'morning', 'recently']);
/** Words after which a following finding is affirmed again ("no fever, has a cough"). */
const AFFIRMERS = new Set(['has', 'have', 'had', 'with', 'got', 'gets', 'is', 'are', 'feels', 'feel', 'having', 'reports', 'complains', 'plus']);
const SCOPE = 7;

const startsWith = (tokens: readonly Token[], i: number, words: string[]) => words.every((w, k) => tokens[i + k]?.word === w);

/** Whether the finding matched at tokens [start, end) is negated. */
export function isNegated(tokens: readonly Token[], start: number, end: number): boolean {
  // Looking back from the finding to the start of its clause for a trigger.
  // A comma ends the scope unless the list goes on with "or"/"nor" just before the finding ("no fever, cough or
  // rash" negates the rash; "no injury, temperature of 38" does not negate the temperature). When in doubt, a
  // finding stays present: the safer reading.
  const listGoesOn = ['or', 'nor'].includes(tokens[start - 1]?.word ?? '');
  for (let i = start - 1; i >= 0 && start - i <= SCOPE; i--) {
    const w = tokens[i]!.word;
    if (TERMINATORS.has(w) || (w === ',' && !listGoesOn)) break;
    if (AFFIRMERS.has(w) && !PRE_TRIGGERS.some((t) => t.length > 1 && startsWith(tokens, i - t.length + 1, t)) && !isAfterNegator(tokens, i)) break;
    if (PSEUDO.some((p) => startsWith(tokens, i, p))) continue;
    if (PRE_TRIGGERS.some((t) => startsWith(tokens, i, t))) return true;
  }
  // A trigger just after it: "chest pain denied".
  const next = tokens[end]?.word;
  return next !== undefined && POST_TRIGGERS.has(next);
}

/** "does not have", "has not had", "did not get": the affirming verb is itself negated. */
function isAfterNegator(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.word;
  const prev2 = tokens[i - 2]?.word;
  return prev === 'not' || prev === 'no' || prev === 'never' || (prev2 === 'not' && (prev === 'have' || prev === 'had' || prev === 'been'));
}
