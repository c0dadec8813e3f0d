import { Postcode } from '@confide/contract';
import { parse } from 'csv-parse/sync';
import type { DirectoryPharmacy } from '../db/repositories/pharmacy.repository';
import { parseOpeningHours } from './opening-hours';

export interface Rejected {
  readonly line: number;
  readonly problem: string;
}

const ODS_CODE = /^[A-Z0-9]{3,10}$/;

function records(csv: string, required: readonly string[]): { rows: { line: number; values: Record<string, string> }[] } | { problem: string } {
  let parsed: Record<string, string>[];
  try {
    parsed = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    return { problem: `The file is not valid CSV: ${(err as Error).message.split('\n')[0]}` };
  }
  const header = Object.keys(parsed[0] ?? {});
  const missing = required.filter((c) => !header.includes(c));
  if (parsed.length > 0 && missing.length > 0) return { problem: `The first line must name the columns; missing: ${missing.join(', ')}.` };
  // Line numbers as a spreadsheet shows them: the header is line 1.
  return { rows: parsed.map((values, i) => ({ line: i + 2, values })) };
}

const coordinate = (text: string | undefined, min: number, max: number): number | null => {
  const n = Number(text);
  return text && Number.isFinite(n) && n >= min && n <= max ? n : null;
};

/** Pharmacies from `ods_code,name,address,postcode,phone,latitude,longitude,opening_hours`; bad lines are reported, not guessed. */
export function parsePharmacyCsv(csv: string): { pharmacies: DirectoryPharmacy[]; rejected: Rejected[] } {
  const read = records(csv, ['ods_code', 'name', 'address', 'postcode', 'phone', 'latitude', 'longitude', 'opening_hours']);
  if ('problem' in read) return { pharmacies: [], rejected: [{ line: 1, problem: read.problem }] };
  const pharmacies: DirectoryPharmacy[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of read.rows) {
    const odsCode = (v.ods_code ?? '').toUpperCase();
    const postcode = Postcode.safeParse(v.postcode ?? '');
    const latitude = coordinate(v.latitude, 49, 61);
    const longitude = coordinate(v.longitude, -9, 2.5);
    const hours = parseOpeningHours(v.opening_hours ?? '');
    const problem = !ODS_CODE.test(odsCode) ? 'ods_code must be 3 to 10 letters and digits'
      : seen.has(odsCode) ? `ods_code ${odsCode} appears twice`
      : !v.name || v.name.length > 200 ? 'name is missing'
      : !v.address || v.address.length > 300 ? 'address is missing'
      : !postcode.success ? 'postcode is not a UK postcode'
      : !v.phone || !/^[0-9 +()-]{6,20}$/.test(v.phone) ? 'phone is not a phone number'
      : latitude === null || longitude === null ? 'latitude and longitude must be numbers within the UK'
      : 'problem' in hours ? hours.problem
      : null;
    if (problem !== null || !postcode.success || latitude === null || longitude === null || 'problem' in hours) {
      rejected.push({ line, problem: problem ?? 'invalid' });
      continue;
    }
    seen.add(odsCode);
    pharmacies.push({ odsCode, name: v.name!, address: v.address!, postcode: normalisePostcode(postcode.data), phone: v.phone!, latitude, longitude, openingHours: hours.hours });
  }
  return { pharmacies, rejected };
}

/** Postcode → coordinates from `postcode,latitude,longitude` (e.g. an ONS Postcode Directory extract). */
export function parsePostcodeCsv(csv: string): { postcodes: { postcode: string; latitude: number; longitude: number }[]; rejected: Rejected[] } {
  const read = records(csv, ['postcode', 'latitude', 'longitude']);
  if ('problem' in read) return { postcodes: [], rejected: [{ line: 1, problem: read.problem }] };
  const postcodes: { postcode: string; latitude: number; longitude: number }[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of read.rows) {
    const postcode = Postcode.safeParse(v.postcode ?? '');
    const latitude = coordinate(v.latitude, 49, 61);
    const longitude = coordinate(v.longitude, -9, 2.5);
    if (!postcode.success) rejected.push({ line, problem: 'postcode is not a UK postcode' });
    else if (latitude === null || longitude === null) rejected.push({ line, problem: 'latitude and longitude must be numbers within the UK' });
    else if (seen.has(normalisePostcode(postcode.data))) rejected.push({ line, problem: `postcode ${normalisePostcode(postcode.data)} appears twice` });
    else {
      seen.add(normalisePostcode(postcode.data));
      postcodes.push({ postcode: normalisePostcode(postcode.data), latitude, longitude });
    }
  }
  return { postcodes, rejected };
}

/** "SW1A1AA" and "sw1a 1aa" are both "SW1A 1AA": the inward code is always the last three characters. */
export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}
