import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { parsePharmacyCsv, parsePostcodeCsv } from '../prescribing/directory-import';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'directory');

/** The demo pharmacy directory and the postcodes around it, as CSV in the formats the clinic admin imports. */
export const demoDirectoryCsv = () => ({
  pharmacies: readFileSync(path.join(DATA, 'demo-pharmacies.csv'), 'utf8'),
  postcodes: readFileSync(path.join(DATA, 'demo-postcodes.csv'), 'utf8'),
});

/** Loads directory CSV with the owner's connection (a deployment step): pharmacies by ODS code, postcodes by postcode. */
export async function loadDirectory(admin: Database, csv: { pharmacies: string; postcodes: string }): Promise<{ pharmacies: number; postcodes: number }> {
  const ph = parsePharmacyCsv(csv.pharmacies);
  const pc = parsePostcodeCsv(csv.postcodes);
  const rejected = [...ph.rejected, ...pc.rejected];
  if (rejected.length > 0) throw new Error(`directory CSV: line ${rejected[0]!.line}: ${rejected[0]!.problem}`);
  await admin.transaction(async (q) => {
    for (const p of pc.postcodes) {
      await q.query(
        `INSERT INTO postcodes (postcode, latitude, longitude) VALUES ($1, $2, $3)
         ON CONFLICT (postcode) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude`,
        [p.postcode, p.latitude, p.longitude],
      );
    }
    for (const p of ph.pharmacies) {
      await q.query(
        `INSERT INTO organisations (kind, name, ods_code, address, postcode, phone, latitude, longitude, opening_hours)
         VALUES ('pharmacy', $1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (ods_code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, postcode = EXCLUDED.postcode,
           phone = EXCLUDED.phone, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, opening_hours = EXCLUDED.opening_hours`,
        [p.name, p.odsCode, p.address, p.postcode, p.phone, p.latitude, p.longitude, JSON.stringify(p.openingHours)],
      );
    }
  });
  return { pharmacies: ph.pharmacies.length, postcodes: pc.postcodes.length };
}

/** On a development install, the demo directory (once: when no postcodes are loaded yet). */
export async function seedDemoDirectoryIfEmpty(admin: Database, config: Config): Promise<boolean> {
  const wanted = config.demoSeed === 'on' || (config.demoSeed === 'auto' && config.env !== 'production');
  if (!wanted) return false;
  const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM postcodes');
  if ((rows[0]?.n ?? 0) > 0) return false;
  await loadDirectory(admin, demoDirectoryCsv());
  return true;
}
