/** Age, sex, duration and severity as people write them: "48-year-old woman", "my 3 month old son", "for 3 days". */

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, couple: 2, few: 3, several: 4,
};
const UNIT_DAYS: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, night: 1, week: 7, fortnight: 14, month: 30, year: 365 };

function amount(word: string): number | null {
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/** Age in years (a 3-month-old is 0.25). */
export function readAge(text: string): number | null {
  const t = text.toLowerCase();
  const unit = (u: string) => (u.startsWith('y') ? 1 : u.startsWith('m') ? 1 / 12 : u.startsWith('w') ? 7 / 365 : 1 / 365);
  const patterns: RegExp[] = [
    /\b(\d{1,3}(?:\.\d)?)[- ]?(years?|yrs?|months?|mths?|weeks?|wks?|days?)[- ]?old\b/,
    /\baged? (\d{1,3})\b/,
    /\b(?:i am|i'm|im) (\d{1,3})\b(?! ?(?:weeks?|days?|months?|kg|stone|cm|percent|%))/,
    /\b(\d{1,3}) ?(?:yo|y\/o|y\.o\.)\b/,
    /\b(\d{1,3}) ?(?:m|f|male|female)\b/,
  ];
  for (const p of patterns) {
    const m = p.exec(t);
    if (!m) continue;
    const n = Number(m[1]);
    const age = m[2] ? n * unit(m[2]) : n;
    if (age >= 0 && age <= 120) return Math.round(age * 100) / 100;
  }
  if (/\b(newborn|new-born)\b/.test(t)) return 0.05;
  if (/\b(baby|infant)\b/.test(t)) return 0.5;
  if (/\btoddler\b/.test(t)) return 2;
  if (/\b(teenager|teen)\b/.test(t)) return 15;
  if (/\b(pensioner|elderly)\b/.test(t)) return 78;
  return null;
}

/** The sex of the person described (the one with the symptoms: "my son" means a boy). */
export function readSex(text: string): 'female' | 'male' | null {
  const t = ` ${text.toLowerCase()} `;
  const female = /\b(woman|women|female|lady|girl|daughter|wife|mother|mum|mom|she|her|pregnant|\d{1,3} ?f)\b/;
  const male = /\b(man|men|male|gentleman|boy|son|husband|father|dad|he|him|his|\d{1,3} ?m)\b/;
  const f = female.exec(t);
  const m = male.exec(t);
  if (f && !m) return 'female';
  if (m && !f) return 'male';
  if (f && m) return f.index < m.index ? 'female' : 'male';
  return null;
}

/** How long the symptoms have been going on, in days. */
export function readDurationDays(text: string): number | null {
  const t = text.toLowerCase();
  const span = /\b(?:for|past|last|over|about|nearly|almost|around)\s+(?:the\s+)?(?:last\s+|past\s+)?(\d+(?:\.\d+)?|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|several)\s+(minute|hour|day|night|week|fortnight|month|year)s?\b/.exec(t)
    ?? /\b(\d+(?:\.\d+)?|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|an?|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(minute|hour|day|night|week|fortnight|month|year)s?\s+(?:ago|now)\b/.exec(t)
    ?? /\b(\d+)\s*(day|week|month|hour)s?\b/.exec(t);
  if (span) {
    const n = amount(span[1]!.replace(/^a\s+/, '').replace(/\s+of$/, ''));
    if (n !== null) return Math.round(n * UNIT_DAYS[span[2]!]! * 100) / 100;
  }
  if (/\b(this morning|since (?:this )?morning|today|this afternoon|this evening|tonight|an hour ago|minutes ago)\b/.test(t)) return 0.25;
  if (/\b(yesterday|last night|overnight)\b/.test(t)) return 1;
  if (/\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b/.test(t)) return 3;
  if (/\b(a few days|couple of days|few days)\b/.test(t)) return 3;
  if (/\b(weeks|for ages|months)\b/.test(t)) return 21;
  return null;
}

export function readSeverity(text: string): 'mild' | 'moderate' | 'severe' | null {
  const t = text.toLowerCase();
  if (/\b(severe|severely|worst|excruciating|agony|agonising|unbearable|terrible|really bad|extreme)\b/.test(t)) return 'severe';
  if (/\b(moderate|quite bad|fairly bad)\b/.test(t)) return 'moderate';
  if (/\b(mild|slight|slightly|a bit|a little|minor)\b/.test(t)) return 'mild';
  return null;
}
