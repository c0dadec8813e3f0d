/**
 * Dates and times as the clinic keeps them: appointments happen in the clinic's time zone (UK time,
 * Europe/London, unless the server is configured otherwise) whatever the reader's own device is set to.
 * Everything here goes through Intl, so daylight saving is handled by the browser's time zone data rather
 * than by guessed offsets.
 */
import { CLINIC_TIME_ZONE_META } from '@confide/contract';
import { clinicTimeLabel, DEFAULT_CLINIC_TIME_ZONE, isTimeZone } from '@confide/domain';

/** The zone the server named in the page, or UK time if it named none (unit tests, the Vite dev server) or nonsense. */
export function clinicTimeZoneOf(doc: Pick<Document, 'querySelector'> | undefined): string {
  const named = doc?.querySelector<HTMLMetaElement>(`meta[name="${CLINIC_TIME_ZONE_META}"]`)?.content;
  return named && isTimeZone(named) ? named : DEFAULT_CLINIC_TIME_ZONE;
}

export const CLINIC_TIME_ZONE = clinicTimeZoneOf(typeof document === 'undefined' ? undefined : document);
/** "UK time" for the usual clinic; see `clinicTimeLabel`. */
export const CLINIC_TIME = clinicTimeLabel(CLINIC_TIME_ZONE);

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock on the wall in `timeZone` showed at the instant `ms`. */
function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines still write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes `timeZone` is ahead of UTC at the instant `ms` (60 for British Summer Time, 0 for GMT). */
export function offsetMinutesAt(ms: number, timeZone: string = CLINIC_TIME_ZONE): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClockAt(whole, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wallAsUtc - whole) / MINUTE_MS);
}

/** An offset as ISO 8601 writes it: 60 → "+01:00", 0 → "+00:00", -300 → "-05:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function toMs(instant: string | number | Date): number {
  if (typeof instant === 'number') return instant;
  if (instant instanceof Date) return instant.getTime();
  return Date.parse(instant);
}

/** Milliseconds for a calendar date's UTC midnight, or NaN if it is not a real date (2026-02-30). */
function calendarDateMs(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : NaN;
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(calendarDateMs(value));
}

/** The local calendar date (`YYYY-MM-DD`) in `timeZone` at an instant. */
export function localDateOf(instant: string | number | Date, timeZone: string = CLINIC_TIME_ZONE): string {
  const w = wallClockAt(toMs(instant), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Today's date in `timeZone` (the clinic's by default), as `YYYY-MM-DD`. */
export function todayIn(timeZone: string = CLINIC_TIME_ZONE): string {
  return localDateOf(Date.now(), timeZone);
}

/** A calendar date `days` later (or earlier, if negative). */
export function addDays(isoDate: string, days: number): string {
  const ms = calendarDateMs(isoDate);
  if (Number.isNaN(ms)) return isoDate;
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(isoDate: string): number {
  const day = new Date(calendarDateMs(isoDate)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? `Day ${weekday}`;
}

/** A 24-hour local time such as "09:30" from an input or the API ("09:30:00" → "09:30"). */
export function shortTime(time: string): string {
  const match = LOCAL_TIME.exec(time);
  return match ? `${match[1]}:${match[2]}` : time;
}

export type LocalInstant =
  | { ok: true; iso: string; offsetMinutes: number }
  /** `invalid`: not a date or time at all. `skipped`: the clocks went forward past it, so it never happens. */
  | { ok: false; reason: 'invalid' | 'skipped' };

/**
 * The instant a wall-clock date and time in `timeZone` means, as ISO 8601 with that moment's offset:
 * ("2026-07-01", "09:00") → "2026-07-01T09:00:00+01:00"; ("2026-12-01", "09:00") → "…T09:00:00+00:00".
 *
 * How it works: treat the wall time as if it were UTC, then try each offset the zone uses around then
 * (a day either side covers any one change). An offset fits if the zone really has that offset at the
 * instant it gives. Around a change of the clocks:
 * - when they go forward (e.g. 01:30 on the last Sunday in March in London) no offset fits: `skipped`;
 * - when they go back (01:30 on the last Sunday in October happens twice) both fit: the first is used.
 */
export function instantFromLocal(isoDate: string, time: string, timeZone: string = CLINIC_TIME_ZONE): LocalInstant {
  const dayMs = calendarDateMs(isoDate);
  const timeMatch = LOCAL_TIME.exec(time);
  if (Number.isNaN(dayMs) || !timeMatch) return { ok: false, reason: 'invalid' };
  const hour = Number(timeMatch[1]);
  const minute = Number(timeMatch[2]);
  const wallAsUtc = dayMs + (hour * 60 + minute) * MINUTE_MS;

  const offsets = new Set([
    offsetMinutesAt(wallAsUtc - DAY_MS, timeZone),
    offsetMinutesAt(wallAsUtc, timeZone),
    offsetMinutesAt(wallAsUtc + DAY_MS, timeZone),
  ]);
  const fits = [...offsets]
    .map((offset) => ({ offset, ms: wallAsUtc - offset * MINUTE_MS }))
    .filter(({ offset, ms }) => offsetMinutesAt(ms, timeZone) === offset)
    .sort((a, b) => a.ms - b.ms);
  const first = fits[0];
  if (!first) return { ok: false, reason: 'skipped' };
  return {
    ok: true,
    iso: `${isoDate}T${pad(hour)}:${pad(minute)}:00${formatOffset(first.offset)}`,
    offsetMinutes: first.offset,
  };
}

// ---------- Showing dates and times to people ----------

const LONG_DATE_PARTS = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A calendar date with its weekday, "Monday 12 October 2026". Built from parts so it reads the same in
 * every browser (some put a comma after the weekday, some do not).
 */
export function formatLongDate(isoDate: string): string {
  const ms = calendarDateMs(isoDate);
  if (Number.isNaN(ms)) return isoDate;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of LONG_DATE_PARTS.formatToParts(ms + 12 * 60 * MINUTE_MS)) parts[part.type] = part.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** The clinic's local time of an instant, 24-hour: "09:20". */
export function formatTime(instant: string | number, timeZone: string = CLINIC_TIME_ZONE): string {
  const ms = toMs(instant);
  if (Number.isNaN(ms)) return String(instant);
  const w = wallClockAt(ms, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The clinic's local date of an instant, "Monday 12 October 2026". */
export function formatDateOf(instant: string, timeZone: string = CLINIC_TIME_ZONE): string {
  const ms = toMs(instant);
  return Number.isNaN(ms) ? instant : formatLongDate(localDateOf(ms, timeZone));
}

/** "Monday 12 October 2026 at 09:20", in the clinic's time zone. */
export function formatDateAndTime(instant: string, timeZone: string = CLINIC_TIME_ZONE): string {
  const ms = toMs(instant);
  return Number.isNaN(ms) ? instant : `${formatDateOf(instant, timeZone)} at ${formatTime(instant, timeZone)}`;
}

/** "09:20 to 09:30", in the clinic's time zone. */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string = CLINIC_TIME_ZONE): string {
  return `${formatTime(startsAt, timeZone)} to ${formatTime(endsAt, timeZone)}`;
}
