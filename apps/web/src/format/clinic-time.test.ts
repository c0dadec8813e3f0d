import { describe, expect, it } from 'vitest';
import { CLINIC_TIME_ZONE_META } from '@confide/contract';
import { clinicTimeZoneOf, localDateOf } from './clinic-time';

/** A document holding just the meta element the server writes (or none). */
const pageNaming = (zone: string | null): Pick<Document, 'querySelector'> => ({
  querySelector: ((selector: string) =>
    zone !== null && selector === `meta[name="${CLINIC_TIME_ZONE_META}"]` ? { content: zone } : null) as Document['querySelector'],
});

describe('the clinic time zone', () => {
  it('is the one the server names in the page', () => {
    expect(clinicTimeZoneOf(pageNaming('Europe/Dublin'))).toBe('Europe/Dublin');
  });

  it('is UK time when the page names none, or names something that is not a time zone', () => {
    expect(clinicTimeZoneOf(undefined)).toBe('Europe/London');
    expect(clinicTimeZoneOf(pageNaming(null))).toBe('Europe/London');
    expect(clinicTimeZoneOf(pageNaming('Mars/Olympus_Mons'))).toBe('Europe/London');
  });

  it('decides what "today" is: 23:30 on 1 July in London is already 2 July in Tokyo', () => {
    const instant = '2026-07-01T22:30:00Z';
    expect(localDateOf(instant, 'Europe/London')).toBe('2026-07-01');
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2026-07-02');
  });
});
