import type { OpeningHours, Pharmacy } from '@confide/contract';
import type { AnonymousTx, PrincipalTx } from '../with-principal';
import { boundingBox, distanceKm, type Point } from '../../prescribing/geo';

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
   * Pharmacies nearest `p`, nearest first, with their distance. Widens a latitude/longitude box (an indexed cut)
   * until it holds enough candidates, then sorts those by great-circle distance; `accept` filters (e.g. open now).
   */
  async nearest(tx: Tx, p: Point, limit: number, accept: (ph: Pharmacy) => boolean = () => true): Promise<{ pharmacy: Pharmacy; distanceKm: number }[]> {
    for (const km of [5, 20, 80, 320, 1500]) {
      const box = boundingBox(p, km);
      const { rows } = await tx.query<PharmacyRow>(
        `SELECT ${PHARMACY_COLUMNS} FROM organisations o
         WHERE o.kind = 'pharmacy' AND o.latitude BETWEEN $1 AND $2 AND o.longitude BETWEEN $3 AND $4`,
        [box.minLat, box.maxLat, box.minLon, box.maxLon],
      );
      const within = rows
        .map((r) => ({ pharmacy: toPharmacy(r), distanceKm: distanceKm(p, { latitude: Number(r.latitude), longitude: Number(r.longitude) }) }))
        .filter((x) => x.distanceKm <= km && accept(x.pharmacy))
        .sort((a, b) => a.distanceKm - b.distanceKm || a.pharmacy.name.localeCompare(b.pharmacy.name));
      // Anything outside the circle of radius km may be nearer than something beyond the box; only the circle is complete.
      if (within.length >= limit || km === 1500) return within.slice(0, limit);
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
