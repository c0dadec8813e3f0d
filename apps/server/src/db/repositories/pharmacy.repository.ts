import type { OpeningHours, Pharmacy } from '@confide/contract';
import type { AnonymousTx, PrincipalTx } from '../with-principal';
import { boundingBox, type Point } from '../../prescribing/geo';

type Tx = PrincipalTx | AnonymousTx;

export interface PharmacyRow {
  id: string; ods_code: string | null; name: string; address: string | null; postcode: string | null; phone: string | null;
  latitude: number | null; longitude: number | null; opening_hours: OpeningHours | null;
}

const EVERY_DAY_CLOSED: OpeningHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export const PHARMACY_COLUMNS = 'o.id, o.ods_code, o.name, o.address, o.postcode, o.phone, o.latitude, o.longitude, o.opening_hours';

export const toPharmacy = (r: PharmacyRow): Pharmacy => ({
  id: r.id, odsCode: r.ods_code ?? '', name: r.name, address: r.address ?? '', postcode: r.postcode ?? '', phone: r.phone ?? '',
  openingHours: r.opening_hours ?? EVERY_DAY_CLOSED,
});

export interface DirectoryPharmacy {
  odsCode: string; name: string; address: string; postcode: string; phone: string; latitude: number; longitude: number; openingHours: OpeningHours;
}

/** The pharmacy directory (organisations of kind pharmacy, a public list) and the postcode table. */
export const pharmacyRepository = {
  async find(tx: Tx, id: string): Promise<Pharmacy | null> {
    const { rows } = await tx.query<PharmacyRow>(`SELECT ${PHARMACY_COLUMNS} FROM organisations o WHERE o.id = $1 AND o.kind = 'pharmacy'`, [id]);
    return rows[0] ? toPharmacy(rows[0]) : null;
  },

  async postcodePoint(tx: Tx, postcode: string): Promise<Point | null> {
    const { rows } = await tx.query<{ latitude: number; longitude: number }>('SELECT latitude, longitude FROM postcodes WHERE postcode = $1', [postcode]);
    return rows[0] ? { latitude: Number(rows[0].latitude), longitude: Number(rows[0].longitude) } : null;
  },

  /**
   * Pharmacies nearest `p`, nearest first, with their distance and whether they are open at `at` (a local weekday and
   * time). The database does the work: an indexed latitude/longitude box, great-circle distance, the opening-hours test
   * and the ordering, widening the box until the circle inside it holds `limit` pharmacies.
   */
  async nearest(tx: Tx, p: Point, limit: number, at: { day: string; time: string }, openOnly: boolean): Promise<{ pharmacy: Pharmacy; distanceKm: number; openNow: boolean }[]> {
    for (const km of [5, 20, 80, 320, 1500]) {
      const box = boundingBox(p, km);
      const { rows } = await tx.query<PharmacyRow & { distance_km: number; open_now: boolean }>(
        `SELECT * FROM (
           SELECT ${PHARMACY_COLUMNS},
             2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(o.latitude - $1) / 2), 2)
               + cos(radians($1)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - $2) / 2), 2)))) AS distance_km,
             EXISTS (SELECT 1 FROM jsonb_array_elements(o.opening_hours -> $7::text) span
                     WHERE span ->> 0 <= $8::text AND $8::text < span ->> 1) AS open_now
           FROM organisations o
           WHERE o.kind = 'pharmacy' AND o.latitude BETWEEN $3 AND $4 AND o.longitude BETWEEN $5 AND $6
         ) x
         WHERE x.distance_km <= $9 AND (x.open_now OR NOT $10::boolean)
         ORDER BY x.distance_km, x.name LIMIT $11`,
        [p.latitude, p.longitude, box.minLat, box.maxLat, box.minLon, box.maxLon, at.day, at.time, km, openOnly, limit],
      );
      // Only the circle of radius km is complete (a corner of the box may hold something farther than a pharmacy outside it).
      if (rows.length >= limit || km === 1500) {
        return rows.map((r) => ({ pharmacy: toPharmacy(r), distanceKm: Number(r.distance_km), openNow: r.open_now }));
      }
    }
    return [];
  },

  /** Adds or updates pharmacies by ODS code (the clinic admin's import). */
  async upsert(tx: PrincipalTx, list: readonly DirectoryPharmacy[]): Promise<void> {
    for (const ph of list) {
      await tx.query(
        `INSERT INTO organisations (kind, name, ods_code, address, postcode, phone, latitude, longitude, opening_hours)
         VALUES ('pharmacy', $1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (ods_code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, postcode = EXCLUDED.postcode,
           phone = EXCLUDED.phone, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, opening_hours = EXCLUDED.opening_hours
         WHERE organisations.kind = 'pharmacy'`,
        [ph.name, ph.odsCode, ph.address, ph.postcode, ph.phone, ph.latitude, ph.longitude, JSON.stringify(ph.openingHours)],
      );
    }
  },

  async upsertPostcodes(tx: PrincipalTx, list: readonly { postcode: string; latitude: number; longitude: number }[]): Promise<void> {
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      await tx.query(
        `INSERT INTO postcodes (postcode, latitude, longitude)
         SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[])
         ON CONFLICT (postcode) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude`,
        [chunk.map((c) => c.postcode), chunk.map((c) => c.latitude), chunk.map((c) => c.longitude)],
      );
    }
  },

  async nomination(tx: PrincipalTx, patientId: string): Promise<{ pharmacy: Pharmacy; nominatedAt: string } | null> {
    const { rows } = await tx.query<PharmacyRow & { nominated_at: Date }>(
      `SELECT ${PHARMACY_COLUMNS}, n.nominated_at FROM pharmacy_nominations n JOIN organisations o ON o.id = n.pharmacy_id WHERE n.patient_id = $1`,
      [patientId],
    );
    return rows[0] ? { pharmacy: toPharmacy(rows[0]), nominatedAt: rows[0].nominated_at.toISOString() } : null;
  },

  async nominate(tx: PrincipalTx, patientId: string, pharmacyId: string): Promise<void> {
    await tx.query(
      `INSERT INTO pharmacy_nominations (patient_id, pharmacy_id) VALUES ($1, $2)
       ON CONFLICT (patient_id) DO UPDATE SET pharmacy_id = EXCLUDED.pharmacy_id, nominated_at = now()`,
      [patientId, pharmacyId],
    );
  },
};
