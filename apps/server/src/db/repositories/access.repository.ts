import type { Membership, PartnerList } from '@confide/contract';
import type { PatientAccess } from '@confide/domain';
import type { PrincipalTx } from '../with-principal';

interface MembershipRow {
  id: string;
  partner_id: string;
  partner_name: string;
  plan_name: string;
  member_number: string;
  removed_at: Date | null;
  linked_at: Date;
  covered: string[] | null;
}

/** A patient's routes to care, as row-level security lets them see their own. */
export const accessRepository = {
  async nhsRegistration(tx: PrincipalTx, patientId: string): Promise<{ nhsNumber: string; registeredAt: string } | null> {
    const { rows } = await tx.query<{ nhs_number: string; registered_at: Date }>(
      'SELECT nhs_number, registered_at FROM nhs_registrations WHERE patient_id = $1',
      [patientId],
    );
    return rows[0] ? { nhsNumber: rows[0].nhs_number, registeredAt: rows[0].registered_at.toISOString() } : null;
  },

  /** Registers the patient with the practice; false if they already were. */
  async registerNhs(tx: PrincipalTx, patientId: string, nhsNumber: string): Promise<boolean> {
    const { rowCount } = await tx.query(
      'INSERT INTO nhs_registrations (patient_id, nhs_number) VALUES ($1, $2) ON CONFLICT (patient_id) DO NOTHING',
      [patientId, nhsNumber],
    );
    return rowCount === 1;
  },

  async memberships(tx: PrincipalTx, patientId: string): Promise<(Membership & { coveredTypeIds: string[] })[]> {
    const { rows } = await tx.query<MembershipRow>(
      `SELECT m.id, o.id AS partner_id, o.name AS partner_name, pl.name AS plan_name, pm.member_number, pm.removed_at, m.linked_at,
              array_remove(array_agg(c.appointment_type_id::text), NULL) AS covered
       FROM patient_memberships m
       JOIN partner_members pm ON pm.id = m.partner_member_id
       JOIN organisations o ON o.id = pm.partner_org_id
       JOIN partner_plans pl ON pl.id = pm.plan_id
       LEFT JOIN partner_plan_coverage c ON c.plan_id = pl.id
       WHERE m.patient_id = $1
       GROUP BY m.id, o.id, o.name, pl.name, pm.member_number, pm.removed_at, m.linked_at
       ORDER BY m.linked_at`,
      [patientId],
    );
    return rows.map((r) => ({
      id: r.id,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      planName: r.plan_name,
      memberNumber: r.member_number,
      active: r.removed_at === null,
      linkedAt: r.linked_at.toISOString(),
      coveredTypeIds: r.covered ?? [],
    }));
  },

  /** Links the calling patient to a partner's member record; null when the details match no current member. */
  async linkMembership(tx: PrincipalTx, partnerId: string, memberNumber: string, dateOfBirth: string): Promise<string | null> {
    const { rows } = await tx.query<{ id: string | null }>('SELECT link_partner_membership($1, $2, $3::date) AS id', [partnerId, memberNumber, dateOfBirth]);
    return rows[0]?.id ?? null;
  },

  async partners(tx: PrincipalTx): Promise<PartnerList['items']> {
    const { rows } = await tx.query<{ id: string; name: string; partner_type: 'insurer' | 'employer' }>(
      `SELECT id, name, partner_type FROM organisations WHERE kind = 'partner' ORDER BY name`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, partnerType: r.partner_type }));
  },

  /** Everything entitlement needs to know about the patient. */
  async patientAccess(tx: PrincipalTx, patientId: string): Promise<PatientAccess> {
    const nhs = await this.nhsRegistration(tx, patientId);
    const memberships = await this.memberships(tx, patientId);
    return {
      nhsRegistered: nhs !== null,
      memberships: memberships.map((m) => ({ id: m.id, partnerName: m.partnerName, planName: m.planName, active: m.active, coveredTypeIds: new Set(m.coveredTypeIds) })),
    };
  },
};
