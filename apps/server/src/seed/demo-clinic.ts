import { randomUUID } from 'node:crypto';
import { ROLE_LABELS } from '@confide/domain';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { PasswordHasher } from '../identity/passwords';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PARTNER_MEMBERS, DEMO_PARTNER_PLANS, DEMO_PASSWORD, type DemoOrganisation } from './demo-accounts';

export type SeedOutcome = 'seeded' | 'present' | 'skipped';

/**
 * On first start of a development install, a demo clinic: a GP, a therapist, two patients (each in one
 * clinician's care), a pharmacy and its pharmacist, an insurer and its partner admin, and a clinic admin.
 * Run with the owner's connection, as a deployment step (not a request).
 */
export async function seedDemoClinicIfEmpty(admin: Database, config: Config): Promise<SeedOutcome> {
  const wanted = config.demoSeed === 'on' || (config.demoSeed === 'auto' && config.env !== 'production');
  if (!wanted) return 'skipped';
  const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((rows[0]?.n ?? 0) > 0) {
    const demo = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = $1', [DEMO_ACCOUNTS[0]?.email]);
    return (demo.rows[0]?.n ?? 0) > 0 ? 'present' : 'skipped';
  }
  const hasher = new PasswordHasher(config.auth.argon2);
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await admin.transaction(async (q) => {
    const orgIds = {} as Record<DemoOrganisation, string>;
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS) as [DemoOrganisation, (typeof DEMO_ORGANISATIONS)[DemoOrganisation]][]) {
      orgIds[key] = randomUUID();
      await q.query(
        `INSERT INTO organisations (id, kind, name, ods_code, partner_type, address, postcode) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [orgIds[key], key, org.name, org.odsCode, org.partnerType ?? null, org.address, org.postcode],
      );
    }
    for (const plan of DEMO_PARTNER_PLANS) {
      const { rows } = await q.query<{ id: string }>('INSERT INTO partner_plans (partner_org_id, code, name) VALUES ($1, $2, $3) RETURNING id', [orgIds.partner, plan.code, plan.name]);
      await q.query(
        'INSERT INTO partner_plan_coverage (plan_id, appointment_type_id) SELECT $1, id FROM appointment_types WHERE code = ANY($2::text[])',
        [rows[0]!.id, [...plan.types]],
      );
    }
    const memberIds = new Map<string, string>();
    for (const m of DEMO_PARTNER_MEMBERS) {
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO partner_members (partner_org_id, member_number, given_name, family_name, date_of_birth, plan_id)
         SELECT $1, $2, $3, $4, $5, id FROM partner_plans WHERE partner_org_id = $1 AND code = $6 RETURNING id`,
        [orgIds.partner, m.memberNumber, m.givenName, m.familyName, m.dateOfBirth, m.plan],
      );
      memberIds.set(m.memberNumber, rows[0]!.id);
    }
    const userIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const id = randomUUID();
      userIds.set(a.email, id);
      await q.query(
        `INSERT INTO users (id, email, password_hash, role, display_name, organisation_id, totp_secret, totp_enrolled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END)`,
        [id, a.email, passwordHash, a.role, a.displayName, a.organisation ? orgIds[a.organisation] : null, a.totpSecret ?? null],
      );
      if (a.role !== 'patient') {
        await q.query('INSERT INTO staff_profiles (user_id, profession, registration_number) VALUES ($1, $2, $3)', [
          id, a.profession ?? null, a.registrationNumber ?? null,
        ]);
      }
      if (a.patient) {
        const patientId = randomUUID();
        const p = a.patient;
        await q.query(
          `INSERT INTO patients (id, user_id, given_name, family_name, date_of_birth, email, mobile, postcode, nhs_number)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [patientId, id, p.givenName, p.familyName, p.dateOfBirth, a.email, p.mobile, p.postcode, p.nhsNumber],
        );
        if (a.clinicianEmail) {
          await q.query(`INSERT INTO care_relationships (clinician_user_id, patient_id, reason) VALUES ($1, $2, 'registered GP list (demo)')`, [
            userIds.get(a.clinicianEmail), patientId,
          ]);
        }
        if (a.nhsRegistered) await q.query('INSERT INTO nhs_registrations (patient_id, nhs_number) VALUES ($1, $2)', [patientId, p.nhsNumber]);
        if (a.memberNumber) {
          await q.query('INSERT INTO patient_memberships (patient_id, partner_member_id) VALUES ($1, $2)', [patientId, memberIds.get(a.memberNumber)]);
        }
      }
    }
    // Open hours every day, 08:00 to 20:00 London time, so "first available today" works in the demo.
    for (const a of DEMO_ACCOUNTS.filter((x) => x.profession)) {
      for (let weekday = 1; weekday <= 7; weekday++) {
        await q.query(
          `INSERT INTO availability_rules (clinician_user_id, appointment_type_id, weekday, start_time, end_time, valid_from)
           SELECT $1, id, $2, '08:00', '20:00', current_date FROM appointment_types WHERE code = $3`,
          [userIds.get(a.email), weekday, a.profession === 'gp' ? 'gp-video' : 'therapy-video'],
        );
      }
    }
  });
  return 'seeded';
}

export function printDemoLogins(config: Config): void {
  const lines = [
    '',
    `Demo clinic sign-ins (password for all: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => {
      const role = a.profession ? `${ROLE_LABELS[a.role]} (${a.profession})` : ROLE_LABELS[a.role];
      const totp = a.totpSecret ? `  TOTP secret ${a.totpSecret}` : '';
      return `  ${role.padEnd(28)} ${a.email.padEnd(28)}${totp}`;
    }),
    `Staff need a 6-digit code: add the secret to an authenticator app, or run: npm run demo:totp -- <email>`,
    `Open ${config.publicUrl}`,
  ];
  console.warn(lines.join('\n'));
}
