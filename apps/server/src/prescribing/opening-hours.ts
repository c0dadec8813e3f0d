import { DAYS, type OpeningHours } from '@confide/contract';

type Day = (typeof DAYS)[number];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Reads opening hours as the directory CSV writes them: `mon 09:00-18:00; tue 09:00-13:00,14:00-18:00; …; sun closed`.
 * Every day must be given. Returns the hours, or a plain problem naming what is wrong.
 */
export function parseOpeningHours(text: string): { hours: OpeningHours } | { problem: string } {
  const hours: Partial<Record<Day, [string, string][]>> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [dayText, ...rest] = part.split(/\s+/);
    const day = dayText?.toLowerCase() as Day;
    if (!DAYS.includes(day)) return { problem: `"${dayText}" is not a day (use mon, tue, wed, thu, fri, sat, sun)` };
    if (hours[day]) return { problem: `${day} is given twice` };
    const spans = rest.join('');
    if (spans.toLowerCase() === 'closed') {
      hours[day] = [];
      continue;
    }
    const list: [string, string][] = [];
    for (const span of spans.split(',')) {
      const [opens, closes] = span.split('-');
      if (!opens || !closes || !TIME.test(opens) || !TIME.test(closes) || opens >= closes) {
        return { problem: `${day}: "${span}" is not a time range like 09:00-18:00` };
      }
      list.push([opens, closes]);
    }
    hours[day] = list;
  }
  const missing = DAYS.filter((d) => !hours[d]);
  if (missing.length > 0) return { problem: `opening hours miss ${missing.join(', ')}` };
  return { hours: hours as OpeningHours };
}

/** The weekday and time of day at `at` in the clinic's time zone (pharmacy hours are local times). */
export function localDayAndTime(at: Date, timeZone: string): { day: Day; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').toLowerCase().slice(0, 3) as Day, time: `${get('hour')}:${get('minute')}` };
}
