import { DateTime } from 'luxon';

/** Weekly hours for one appointment type: every `weekday` (1 = Monday) from `startTime` to `endTime`, local time in `timeZone`. */
export interface WeeklyRule {
  appointmentTypeId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  timeZone: string;
  validFrom: string;
  validUntil: string | null;
}

/** Leave removes every slot it overlaps; an extra session adds slots for one appointment type. Instants in ms. */
export interface ExceptionWindow {
  kind: 'leave' | 'extra';
  appointmentTypeId: string | null;
  start: number;
  end: number;
}

export interface Interval {
  start: number;
  end: number;
}

export interface SlotRequest {
  appointmentTypeId: string;
  durationMinutes: number;
  rules: readonly WeeklyRule[];
  exceptions: readonly ExceptionWindow[];
  /** Appointments already booked with this clinician (any patient; no detail needed). */
  busy: readonly Interval[];
  /** Search window, [from, to). */
  from: number;
  to: number;
  /** Slots starting before this are past. */
  now: number;
}

/** A local wall-clock time on a local date in a zone, as a UTC instant. Nonexistent times (spring forward) move forward. */
export function localToInstant(date: string, time: string, timeZone: string): number {
  return DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toMillis();
}

/** The local calendar date of an instant in a zone (YYYY-MM-DD). */
export function localDate(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISODate() ?? '';
}

/** [start, end) of a local calendar day in a zone: 23, 24 or 25 hours long. */
export function localDayBounds(date: string, timeZone: string): Interval {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

function windowsFromRules(req: SlotRequest): Interval[] {
  const windows: Interval[] = [];
  for (const rule of req.rules) {
    if (rule.appointmentTypeId !== req.appointmentTypeId) continue;
    // Walk the local dates that could touch [from, to) in the rule's own zone.
    let day = DateTime.fromMillis(req.from, { zone: rule.timeZone }).startOf('day').minus({ days: 1 });
    const last = DateTime.fromMillis(req.to, { zone: rule.timeZone }).startOf('day').plus({ days: 1 });
    while (day <= last) {
      const date = day.toISODate() ?? '';
      const inForce = date >= rule.validFrom && (rule.validUntil === null || date <= rule.validUntil);
      if (inForce && day.weekday === rule.weekday) {
        windows.push({ start: localToInstant(date, rule.startTime, rule.timeZone), end: localToInstant(date, rule.endTime, rule.timeZone) });
      }
      day = day.plus({ days: 1 });
    }
  }
  for (const e of req.exceptions) {
    if (e.kind === 'extra' && e.appointmentTypeId === req.appointmentTypeId) windows.push({ start: e.start, end: e.end });
  }
  return windows;
}

/**
 * Open slots of one appointment type for one clinician: back-to-back slots of the type's length inside each window
 * (weekly hours made real in their own time zone, so correct across daylight-saving changes, plus extra sessions),
 * minus leave, minus what is already booked, minus the past; sorted, never overlapping one another.
 */
export function openSlots(req: SlotRequest): Interval[] {
  const step = req.durationMinutes * 60_000;
  const leave = req.exceptions.filter((e) => e.kind === 'leave');
  const found = new Map<number, Interval>();
  for (const w of windowsFromRules(req)) {
    for (let start = w.start; start + step <= w.end; start += step) {
      const slot = { start, end: start + step };
      if (slot.start < req.from || slot.start >= req.to || slot.start < req.now) continue;
      if (leave.some((l) => overlaps(slot, l)) || req.busy.some((b) => overlaps(slot, b))) continue;
      found.set(start, slot);
    }
  }
  // Overlapping windows (two rules, or a rule and an extra session) must not offer overlapping slots: keep the earliest.
  const kept: Interval[] = [];
  for (const slot of [...found.values()].sort((a, b) => a.start - b.start)) {
    const previous = kept.at(-1);
    if (!previous || slot.start >= previous.end) kept.push(slot);
  }
  return kept;
}
