import type { PatientProfile, PatientSummary } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';

const COLUMNS = `id, given_name, family_name, date_of_birth::text AS date_of_birth, email, mobile, postcode, nhs_number`;

interface PatientRow {
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  email: string;
  mobile: string;
  postcode: string;
  nhs_number: string | null;
}

function toProfile(r: PatientRow): PatientProfile {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    email: r.email,
    mobile: r.mobile,
    postcode: r.postcode,
    nhsNumber: r.nhs_number,
  };
}

export function toSummary(p: PatientProfile): PatientSummary {
  return { id: p.id, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, nhsNumber: p.nhsNumber };
}

/** Patients, as far as row-level security lets the transaction's principal see them. */
export const patientRepository = {
  async findById(tx: PrincipalTx, id: string): Promise<PatientProfile | null> {
    const { rows } = await tx.query<PatientRow>(`SELECT ${COLUMNS} FROM patients WHERE id = $1`, [id]);
    return rows[0] ? toProfile(rows[0]) : null;
  },

  async listVisible(tx: PrincipalTx): Promise<PatientProfile[]> {
    const { rows } = await tx.query<PatientRow>(`SELECT ${COLUMNS} FROM patients ORDER BY family_name, given_name, id LIMIT 500`);
    return rows.map(toProfile);
  },

  async updateContact(tx: PrincipalTx, id: string, change: { mobile?: string; postcode?: string }): Promise<PatientProfile | null> {
    const { rows } = await tx.query<PatientRow>(
      `UPDATE patients SET mobile = coalesce($2, mobile), postcode = coalesce($3, postcode), updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, change.mobile ?? null, change.postcode ?? null],
    );
    return rows[0] ? toProfile(rows[0]) : null;
  },
};
