import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDayBounds, localToInstant, openSlots, type SlotRequest, type WeeklyRule } from './slots';

const TYPE = 'gp-video';
const LONDON = 'Europe/London';
const utc = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();

function rule(weekday: number, startTime: string, endTime: string, extra: Partial<WeeklyRule> = {}): WeeklyRule {
  return { appointmentTypeId: TYPE, weekday, startTime, endTime, timeZone: LONDON, validFrom: '2026-01-01', validUntil: null, ...extra };
}

function day(date: string, rules: WeeklyRule[], more: Partial<SlotRequest> = {}): string[] {
  const { start, end } = localDayBounds(date, LONDON);
  return openSlots({ appointmentTypeId: TYPE, durationMinutes: 30, rules, exceptions: [], busy: [], from: start, to: end, now: 0, ...more }).map((s) => iso(s.start));
}

describe('open slots', () => {
  it('09:00 London is 09:00Z in winter and 08:00Z in summer', () => {
    expect(day('2026-01-14', [rule(3, '09:00', '10:00')])).toEqual(['2026-01-14T09:00:00.000Z', '2026-01-14T09:30:00.000Z']);
    expect(day('2026-07-15', [rule(3, '09:00', '10:00')])).toEqual(['2026-07-15T08:00:00.000Z', '2026-07-15T08:30:00.000Z']);
  });

  it('on the March change day (29 March 2026) the lost hour has no slots: 00:00–03:00 local is two real hours', () => {
    expect(localDayBounds('2026-03-29', LONDON)).toEqual({ start: utc('2026-03-29T00:00:00Z'), end: utc('2026-03-29T23:00:00Z') });
    expect(day('2026-03-29', [rule(7, '00:00', '03:00')])).toEqual([
      '2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z',
    ]);
    // Daytime hours are unaffected: 09:00 BST.
    expect(day('2026-03-29', [rule(7, '09:00', '09:30')])).toEqual(['2026-03-29T08:00:00.000Z']);
  });

  it('on the October change day (25 October 2026) the repeated hour has slots twice: 00:00–03:00 local is four real hours', () => {
    expect(localDayBounds('2026-10-25', LONDON)).toEqual({ start: utc('2026-10-24T23:00:00Z'), end: utc('2026-10-26T00:00:00Z') });
    const slots = day('2026-10-25', [rule(7, '00:00', '03:00')]);
    expect(slots).toHaveLength(8);
    expect(slots[0]).toBe('2026-10-24T23:00:00.000Z');
    expect(slots.at(-1)).toBe('2026-10-25T02:30:00.000Z');
    expect(day('2026-10-25', [rule(7, '09:00', '09:30')])).toEqual(['2026-10-25T09:00:00.000Z']);
  });

  it('leave removes slots, extra sessions add them, bookings and the past take them', () => {
    const rules = [rule(3, '09:00', '11:00')];
    const leave = { kind: 'leave' as const, appointmentTypeId: null, start: utc('2026-01-14T09:30:00Z'), end: utc('2026-01-14T10:15:00Z') };
    const extra = { kind: 'extra' as const, appointmentTypeId: TYPE, start: utc('2026-01-14T18:00:00Z'), end: utc('2026-01-14T19:00:00Z') };
    const busy = [{ start: utc('2026-01-14T10:30:00Z'), end: utc('2026-01-14T10:40:00Z') }];
    expect(day('2026-01-14', rules, { exceptions: [leave, extra], busy })).toEqual([
      '2026-01-14T09:00:00.000Z', '2026-01-14T18:00:00.000Z', '2026-01-14T18:30:00.000Z',
    ]);
    expect(day('2026-01-14', rules, { now: utc('2026-01-14T10:00:00Z') })).toEqual(['2026-01-14T10:00:00.000Z', '2026-01-14T10:30:00.000Z']);
  });

  it('respects the rule’s validity dates and weekday', () => {
    expect(day('2026-01-14', [rule(3, '09:00', '09:30', { validFrom: '2026-01-15' })])).toEqual([]);
    expect(day('2026-01-14', [rule(3, '09:00', '09:30', { validUntil: '2026-01-13' })])).toEqual([]);
    expect(day('2026-01-14', [rule(4, '09:00', '09:30')])).toEqual([]);
  });

  it('property: slots never overlap each other, a booking or leave, and all fall inside the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.constantFrom(10, 15, 20, 30, 50),
        fc.array(fc.record({ s: fc.integer({ min: 0, max: 22 * 60 }), len: fc.integer({ min: 10, max: 240 }), wd: fc.integer({ min: 1, max: 7 }) }), { maxLength: 4 }),
        fc.array(fc.record({ s: fc.integer({ min: 0, max: 24 * 60 }), len: fc.integer({ min: 5, max: 120 }) }), { maxLength: 4 }),
        (dayOffset, duration, ruleSpecs, busySpecs) => {
          const date = new Date(Date.UTC(2026, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
          const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const rules = ruleSpecs.map((r) => rule(r.wd, hhmm(r.s), hhmm(Math.min(r.s + r.len, 23 * 60 + 59))));
          const { start, end } = localDayBounds(date, LONDON);
          const busy = busySpecs.map((b) => ({ start: start + b.s * 60_000, end: start + (b.s + b.len) * 60_000 }));
          const slots = openSlots({ appointmentTypeId: TYPE, durationMinutes: duration, rules, exceptions: [], busy, from: start, to: end, now: 0 });
          for (const [i, s] of slots.entries()) {
            expect(s.end - s.start).toBe(duration * 60_000);
            expect(s.start).toBeGreaterThanOrEqual(start);
            expect(s.start).toBeLessThan(end);
            if (i > 0) expect(s.start).toBeGreaterThanOrEqual(slots[i - 1]!.end);
            expect(busy.some((b) => s.start < b.end && b.start < s.end)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('converts local times with the zone’s own rules', () => {
    expect(new Date(localToInstant('2026-06-01', '12:00', 'America/New_York')).toISOString()).toBe('2026-06-01T16:00:00.000Z');
  });
});
