import type { Organisation, StaffMember, StaffProfile } from '@confide/contract';
import type { Profession, Role } from '@confide/domain';
import type { PrincipalTx } from '../with-principal';

interface AccountRow {
  id: string;
  email: string;
  role: Role;
  display_name: string;
  totp_enrolled_at: Date | null;
  profession: Profession | null;
  registration_number: string | null;
  organisation_id: string | null;
  organisation_kind: Organisation['kind'] | null;
  organisation_name: string | null;
}

export interface Account {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  mfaEnrolled: boolean;
  staff: StaffProfile;
}

const SELECT_ACCOUNT = `
  SELECT u.id, u.email, u.role, u.display_name, u.totp_enrolled_at, s.profession, s.registration_number,
         o.id AS organisation_id, o.kind AS organisation_kind, o.name AS organisation_name
  FROM users u
  LEFT JOIN staff_profiles s ON s.user_id = u.id
  LEFT JOIN organisations o ON o.id = u.organisation_id`;

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    displayName: r.display_name,
    mfaEnrolled: r.totp_enrolled_at !== null,
    staff: {
      profession: r.profession,
      registrationNumber: r.registration_number,
      organisation:
        r.organisation_id && r.organisation_kind && r.organisation_name
          ? { id: r.organisation_id, kind: r.organisation_kind, name: r.organisation_name }
          : null,
    },
  };
}

/** User accounts and staff profiles, under row-level security. */
export const accountRepository = {
  async findSelf(tx: PrincipalTx): Promise<Account | null> {
    const { rows } = await tx.query<AccountRow>(`${SELECT_ACCOUNT} WHERE u.id = $1`, [tx.principal.userId]);
    return rows[0] ? toAccount(rows[0]) : null;
  },

  async listStaff(tx: PrincipalTx): Promise<StaffMember[]> {
    const { rows } = await tx.query<AccountRow>(`${SELECT_ACCOUNT} WHERE u.role <> 'patient' ORDER BY u.display_name, u.id`);
    return rows.map(toAccount).map((a) => ({
      id: a.id,
      displayName: a.displayName,
      email: a.email,
      role: a.role,
      profession: a.staff.profession,
      registrationNumber: a.staff.registrationNumber,
      organisationName: a.staff.organisation?.name ?? null,
      mfaEnrolled: a.mfaEnrolled,
    }));
  },
};
