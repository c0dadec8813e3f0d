import type { PartnerMember, PartnerPlanList, PartnerUsage } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';

export interface MemberValues {
  memberNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  planId: string;
}

interface MemberRow {
  member_number: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  plan: string;
  plan_name: string;
  removed_at: Date | null;
  updated_at: Date;
}

const toMember = (r: MemberRow): PartnerMember => ({
  memberNumber: r.member_number,
  givenName: r.given_name,
  familyName: r.family_name,
  dateOfBirth: r.date_of_birth,
  plan: r.plan,
  planName: r.plan_name,
  removedAt: r.removed_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

const columns = (ms: readonly MemberValues[]) => [
  ms.map((m) => m.memberNumber), ms.map((m) => m.givenName), ms.map((m) => m.familyName), ms.map((m) => m.dateOfBirth), ms.map((m) => m.planId),
];

const MEMBER_SELECT = `
  SELECT pm.member_number, pm.given_name, pm.family_name, pm.date_of_birth::text AS date_of_birth, pl.code AS plan,
         pl.name AS plan_name, pm.removed_at, pm.updated_at
  FROM partner_members pm JOIN partner_plans pl ON pl.id = pm.plan_id`;

/** A partner's plans and member list, as row-level security lets its own partner admins see them. */
export const partnerRepository = {
  async plans(tx: PrincipalTx, partnerId: string): Promise<PartnerPlanList['items']> {
    const { rows } = await tx.query<{ id: string; code: string; name: string; types: string[] | null }>(
      `SELECT pl.id, pl.code, pl.name, array_remove(array_agg(t.name ORDER BY t.name), NULL) AS types
       FROM partner_plans pl
       LEFT JOIN partner_plan_coverage c ON c.plan_id = pl.id
       LEFT JOIN appointment_types t ON t.id = c.appointment_type_id
       WHERE pl.partner_org_id = $1 GROUP BY pl.id, pl.code, pl.name ORDER BY pl.name`,
      [partnerId],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, appointmentTypes: r.types ?? [] }));
  },

  async members(
    tx: PrincipalTx, partnerId: string, q: { search?: string | undefined; includeRemoved: boolean; limit: number; offset: number },
  ): Promise<{ items: PartnerMember[]; total: number }> {
    const where = `pm.partner_org_id = $1 AND ($2::boolean OR pm.removed_at IS NULL)
      AND ($3::text IS NULL OR pm.member_number ILIKE $3 || '%' OR (pm.given_name || ' ' || pm.family_name) ILIKE '%' || $3 || '%')`;
    const args = [partnerId, q.includeRemoved, q.search ? q.search.replace(/[%_\\]/g, (c) => `\\${c}`) : null];
    const { rows } = await tx.query<MemberRow>(`${MEMBER_SELECT} WHERE ${where} ORDER BY pm.family_name, pm.given_name, pm.member_number LIMIT $4 OFFSET $5`, [...args, q.limit, q.offset]);
    const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM partner_members pm WHERE ${where}`, args);
    return { items: rows.map(toMember), total: count.rows[0]?.n ?? 0 };
  },

  /** Every member of the partner (current and removed), keyed by upper-cased member number. */
  async memberIndex(tx: PrincipalTx, partnerId: string): Promise<Map<string, MemberValues & { removed: boolean }>> {
    const { rows } = await tx.query<{ member_number: string; given_name: string; family_name: string; date_of_birth: string; plan_id: string; removed: boolean }>(
      `SELECT member_number, given_name, family_name, date_of_birth::text AS date_of_birth, plan_id, removed_at IS NOT NULL AS removed
       FROM partner_members WHERE partner_org_id = $1`,
      [partnerId],
    );
    return new Map(rows.map((r) => [r.member_number.toUpperCase(), {
      memberNumber: r.member_number, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, planId: r.plan_id, removed: r.removed,
    }]));
  },

  async insertMembers(tx: PrincipalTx, partnerId: string, members: readonly MemberValues[]): Promise<void> {
    if (members.length === 0) return;
    await tx.query(
      `INSERT INTO partner_members (partner_org_id, member_number, given_name, family_name, date_of_birth, plan_id)
       SELECT $1, n, g, f, d, p FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::uuid[]) AS m(n, g, f, d, p)`,
      [partnerId, ...columns(members)],
    );
  },

  /** Updates members' details; a removed member who is loaded again is reinstated. */
  async updateMembers(tx: PrincipalTx, partnerId: string, members: readonly MemberValues[]): Promise<void> {
    if (members.length === 0) return;
    await tx.query(
      `UPDATE partner_members pm SET given_name = m.g, family_name = m.f, date_of_birth = m.d, plan_id = m.p, removed_at = NULL, updated_at = now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::uuid[]) AS m(n, g, f, d, p)
       WHERE pm.partner_org_id = $1 AND upper(pm.member_number) = upper(m.n)`,
      [partnerId, ...columns(members)],
    );
  },

  /** Marks members removed; returns how many were current. */
  async removeMembers(tx: PrincipalTx, partnerId: string, memberNumbers: readonly string[]): Promise<number> {
    if (memberNumbers.length === 0) return 0;
    const { rowCount } = await tx.query(
      `UPDATE partner_members SET removed_at = now(), updated_at = now()
       WHERE partner_org_id = $1 AND upper(member_number) = ANY($2::text[]) AND removed_at IS NULL`,
      [partnerId, memberNumbers.map((n) => n.toUpperCase())],
    );
    return rowCount ?? 0;
  },

  /** Counts by month and appointment type, through the definer function that suppresses small numbers. */
  async usage(tx: PrincipalTx): Promise<PartnerUsage['items']> {
    const { rows } = await tx.query<{ month: string; appointment_type_name: string; appointments: number | null }>(
      'SELECT month, appointment_type_name, appointments FROM partner_usage()',
    );
    return rows.map((r) => ({ month: r.month, appointmentTypeName: r.appointment_type_name, appointments: r.appointments }));
  },
};
