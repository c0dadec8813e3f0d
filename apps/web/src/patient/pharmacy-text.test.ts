import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '@confide/contract';
import { distanceText, hoursText, openingHoursRows, pharmacyAddress, phoneHref, todayHoursText, ukDayOf } from './pharmacy-text';

const WEEKDAYS: OpeningHours = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '13:00'], ['14:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '18:00']],
  sat: [['09:00', '12:30']],
  sun: [],
};

describe('how far away a pharmacy is', () => {
  it('is in kilometres to one decimal place from 1 km', () => {
    expect(distanceText(2.44)).toBe('2.4 km away');
    expect(distanceText(1)).toBe('1.0 km away');
    expect(distanceText(12.06)).toBe('12.1 km away');
  });

  it('is in metres, to the nearest 10, under 1 km', () => {
    expect(distanceText(0.346)).toBe('350 m away');
    expect(distanceText(0.05)).toBe('50 m away');
  });

  it('says kilometres once the metres would round up to 1000', () => {
    expect(distanceText(0.998)).toBe('1.0 km away');
  });

  it('never says 0 m', () => {
    expect(distanceText(0)).toBe('Less than 10 m away');
    expect(distanceText(0.004)).toBe('Less than 10 m away');
  });
});

describe('opening hours', () => {
  it('reads a day with one or more openings, or none', () => {
    expect(hoursText([['09:00', '18:00']])).toBe('09:00 to 18:00');
    expect(hoursText([['09:00', '13:00'], ['14:00', '18:00']])).toBe('09:00 to 13:00 and 14:00 to 18:00');
    expect(hoursText([['07:00', '09:00'], ['12:00', '13:00'], ['17:00', '22:00']])).toBe('07:00 to 09:00, 12:00 to 13:00 and 17:00 to 22:00');
    expect(hoursText([])).toBe('Closed');
  });

  it('lists the week Monday first', () => {
    const rows = openingHoursRows(WEEKDAYS);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ day: 'Monday', hours: '09:00 to 18:00' });
    expect(rows[2]).toEqual({ day: 'Wednesday', hours: '09:00 to 13:00 and 14:00 to 18:00' });
    expect(rows[6]).toEqual({ day: 'Sunday', hours: 'Closed' });
  });
});

describe('today’s hours', () => {
  it('are the hours of the day it is in the UK', () => {
    // Wednesday 25 November 2026, 10:00 in London.
    expect(todayHoursText(WEEKDAYS, Date.parse('2026-11-25T10:00:00Z'))).toBe('Today: 09:00 to 13:00 and 14:00 to 18:00');
  });

  it('say so when it is closed all day', () => {
    expect(todayHoursText(WEEKDAYS, Date.parse('2026-11-29T10:00:00Z'))).toBe('Closed all day today');
  });

  it('follow UK time, not UTC, late in the evening in summer', () => {
    // 23:30 UTC on Saturday 27 June 2026 is already Sunday 00:30 in London (BST).
    expect(ukDayOf(Date.parse('2026-06-27T23:30:00Z'))).toBe('sun');
    expect(ukDayOf(Date.parse('2026-12-26T23:30:00Z'))).toBe('sat');
  });
});

describe('a pharmacy’s address and phone', () => {
  it('adds the postcode to the address unless it is there already', () => {
    expect(pharmacyAddress({ address: '12 High Street, Leeds', postcode: 'LS1 4AP' })).toBe('12 High Street, Leeds, LS1 4AP');
    expect(pharmacyAddress({ address: '12 High Street, Leeds LS1 4AP', postcode: 'LS1 4AP' })).toBe('12 High Street, Leeds LS1 4AP');
  });

  it('dials the digits only', () => {
    expect(phoneHref('0113 496 0000')).toBe('tel:01134960000');
    expect(phoneHref('+44 113 496-0000')).toBe('tel:+441134960000');
  });
});
