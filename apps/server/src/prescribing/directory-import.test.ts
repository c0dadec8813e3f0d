import { describe, expect, it } from 'vitest';
import { normalisePostcode, parsePharmacyCsv, parsePostcodeCsv } from './directory-import';
import { localDayAndTime, parseOpeningHours } from './opening-hours';
import { boundingBox, distanceKm } from './geo';

const WEEK = 'mon 09:00-18:00; tue 09:00-18:00; wed 09:00-18:00; thu 09:00-18:00; fri 09:00-18:00; sat 09:00-13:00; sun closed';

describe('the pharmacy directory CSV', () => {
  it('imports good lines and reports each bad one by its line number and what is wrong, guessing nothing', () => {
    const csv = [
      'ods_code,name,address,postcode,phone,latitude,longitude,opening_hours',
      `FA001,High Street Pharmacy,"12 High Street, London",se18xx,020 7946 0001,51.5045,-0.1080,${WEEK}`,
      `FA002,No Postcode,"1 Road",NOT A POSTCODE,020 7946 0002,51.5,-0.1,${WEEK}`,
      `FA003,Abroad,"1 Rue",SE1 8XX,020 7946 0003,48.85,2.35,${WEEK}`,
      `FA004,Short Week,"1 Road",SE1 8XX,020 7946 0004,51.5,-0.1,mon 09:00-18:00`,
      `FA001,Twice,"1 Road",SE1 8XX,020 7946 0005,51.5,-0.1,${WEEK}`,
      `FA006,Backwards,"1 Road",SE1 8XX,020 7946 0006,51.5,-0.1,"mon 18:00-09:00; tue closed; wed closed; thu closed; fri closed; sat closed; sun closed"`,
    ].join('\n');
    const { pharmacies, rejected } = parsePharmacyCsv(csv);
    expect(pharmacies).toHaveLength(1);
    expect(pharmacies[0]).toMatchObject({ odsCode: 'FA001', postcode: 'SE1 8XX', latitude: 51.5045, openingHours: { sat: [['09:00', '13:00']], sun: [] } });
    expect(rejected).toEqual([
      { line: 3, problem: 'postcode is not a UK postcode' },
      { line: 4, problem: 'latitude and longitude must be numbers within the UK' },
      { line: 5, problem: 'opening hours miss tue, wed, thu, fri, sat, sun' },
      { line: 6, problem: 'ods_code FA001 appears twice' },
      { line: 7, problem: 'mon: "18:00-09:00" is not a time range like 09:00-18:00' },
    ]);
  });

  it('refuses a file without the columns, or with a line of the wrong shape, as a whole', () => {
    expect(parsePharmacyCsv('name,postcode\nX,SE1 8XX').rejected[0]!.problem).toMatch(/missing: ods_code/);
    expect(parsePharmacyCsv(`ods_code,name,address,postcode,phone,latitude,longitude,opening_hours\nFA1,A,B,SE1 8XX,0207,51.5,-0.1,${WEEK},extra`).rejected[0]!.line).toBe(1);
  });

  it('postcodes: normalised to "OUTWARD INWARD", bad lines reported', () => {
    const { postcodes, rejected } = parsePostcodeCsv('postcode,latitude,longitude\nsw1a1aa,51.501,-0.1416\nXX,51,0\nE1 6AN,70,0\nSW1A 1AA,51.5,-0.14');
    expect(postcodes).toEqual([{ postcode: 'SW1A 1AA', latitude: 51.501, longitude: -0.1416 }]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(rejected[2]!.problem).toBe('postcode SW1A 1AA appears twice');
    expect(normalisePostcode(' ec1a1bb ')).toBe('EC1A 1BB');
  });
});

describe('opening hours and distance', () => {
  it('reads split days and knows the local weekday and time across the clock change', () => {
    const parsed = parseOpeningHours('mon 09:00-13:00,14:00-17:30; tue closed; wed closed; thu closed; fri closed; sat closed; sun closed');
    expect(parsed).toEqual({ hours: { mon: [['09:00', '13:00'], ['14:00', '17:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    // 23 November 2026 is a Monday; London is on GMT. 29 June 2026 is a Monday on BST (UTC+1).
    expect(localDayAndTime(new Date('2026-11-23T23:30:00Z'), 'Europe/London')).toEqual({ day: 'mon', time: '23:30' });
    expect(localDayAndTime(new Date('2026-06-29T23:30:00Z'), 'Europe/London')).toEqual({ day: 'tue', time: '00:30' });
  });

  it('great-circle distances are right, and the box around a point holds the whole circle', () => {
    // London to Edinburgh is about 534 km.
    expect(distanceKm({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 55.9533, longitude: -3.1883 })).toBeCloseTo(534, -1);
    const p = { latitude: 57.1, longitude: -2.1 };
    const box = boundingBox(p, 10);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (bearing * Math.PI) / 180;
      const q = { latitude: p.latitude + (9.99 / 111.2) * Math.cos(rad), longitude: p.longitude + ((9.99 / 111.2) * Math.sin(rad)) / Math.cos((p.latitude * Math.PI) / 180) };
      expect(distanceKm(p, q)).toBeLessThan(10.1);
      expect(q.latitude).toBeGreaterThanOrEqual(box.minLat);
      expect(q.longitude).toBeLessThanOrEqual(box.maxLon);
    }
  });
});
