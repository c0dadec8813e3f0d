const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A calendar date such as a date of birth (`1980-03-31`) as "31 March 1980". */
export function formatCalendarDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(time) ? isoDate : LONG_DATE.format(time);
}

/** A calendar month (`2026-11`) as "November 2026". */
export function formatMonth(yearMonth: string): string {
  const time = Date.parse(`${yearMonth}-01T00:00:00Z`);
  return /^\d{4}-\d{2}$/.test(yearMonth) && !Number.isNaN(time) ? MONTH.format(time) : yearMonth;
}

/** A moment such as an access time as "23 Nov 2026, 14:05", in the reader's own time zone. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE_TIME.format(time);
}

const longDateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function longDateTimeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = longDateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    longDateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * A moment in a sentence, such as when a consultation was recorded: "23 November 2026, 10:15", in the reader's
 * own time zone unless one is given. Built from parts so every browser writes it the same way.
 */
export function formatLongDateTime(iso: string, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of longDateTimeFormat(timeZone).formatToParts(time)) parts[part.type] = part.value;
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** Today as `YYYY-MM-DD` in the reader's time zone, for a date input's `max`. */
export function todayIsoDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years between a date of birth and today (both `YYYY-MM-DD`), or null if either is not a date. */
export function ageInYears(dateOfBirth: string, today: string = todayIsoDate()): number | null {
  const born = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!born || !now) return null;
  const [, by, bm, bd] = born.map(Number) as [number, number, number, number];
  const [, ny, nm, nd] = now.map(Number) as [number, number, number, number];
  const age = ny - by - (nm < bm || (nm === bm && nd < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}
