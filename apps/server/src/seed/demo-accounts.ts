import type { Profession, Role } from '@confide/domain';

/** The demo clinic's people. Demo only: these credentials are public, printed on start and listed in the README. */
export const DEMO_PASSWORD = 'confide-demo-2026';

export type DemoOrganisation = 'clinic' | 'pharmacy' | 'partner';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  organisation?: DemoOrganisation;
  profession?: Profession;
  registrationNumber?: string;
  /** Staff only: TOTP secret (base32), already enrolled so the demo can sign in straight away. */
  totpSecret?: string;
  patient?: { givenName: string; familyName: string; dateOfBirth: string; mobile: string; postcode: string; nhsNumber: string };
  /** Patients only: the email of the demo clinician who cares for them. */
  clinicianEmail?: string;
  /** Patients only: registered with the practice for NHS appointments. */
  nhsRegistered?: boolean;
  /** Patients only: the partner member number they have linked. */
  memberNumber?: string;
}

/** The demo partner's plans: which appointment types (by code) each covers. */
export const DEMO_PARTNER_PLANS = [
  { code: 'essential', name: 'Essential', types: ['gp-video', 'gp-audio', 'nurse-audio'] },
  { code: 'complete', name: 'Complete', types: ['gp-video', 'gp-audio', 'nurse-audio', 'therapy-video', 'specialist-video'] },
] as const;

/** The demo partner's member list. Robin Hughes is a member with no Confide account yet: sign up and link them. */
export const DEMO_PARTNER_MEMBERS = [
  { memberNumber: 'ACME-1001', givenName: 'Jamie', familyName: 'Taylor', dateOfBirth: '1994-09-30', plan: 'complete' },
  { memberNumber: 'ACME-1002', givenName: 'Robin', familyName: 'Hughes', dateOfBirth: '1990-01-15', plan: 'essential' },
  { memberNumber: 'ACME-1003', givenName: 'Sasha', familyName: 'Novak', dateOfBirth: '1978-06-02', plan: 'complete' },
] as const;

export const DEMO_ORGANISATIONS: Record<DemoOrganisation, { name: string; odsCode: string; partnerType?: 'insurer'; postcode: string; address: string }> = {
  clinic: { name: 'Confide Demo Practice', odsCode: 'Y00001', postcode: 'SE1 7EH', address: '1 Demo Street, London' },
  pharmacy: { name: 'High Street Pharmacy', odsCode: 'FA001', postcode: 'SE1 8XX', address: '12 High Street, London' },
  partner: { name: 'Acme Health Insurance', odsCode: 'P0001', partnerType: 'insurer', postcode: 'EC2A 1AA', address: '5 Finsbury Square, London' },
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'asha.patel@example.org', displayName: 'Dr Asha Patel', role: 'clinician', organisation: 'clinic',
    profession: 'gp', registrationNumber: 'GMC 7012345', totpSecret: 'BSYQYEGYHZIEPT75I7U26IB4IZKISYUZ',
  },
  {
    email: 'sam.okafor@example.org', displayName: 'Sam Okafor', role: 'clinician', organisation: 'clinic',
    profession: 'therapist', registrationNumber: 'HCPC PYL04321', totpSecret: 'HSWDMNUHOWRQQRLLMJZDSIYQNRRI5WV5',
  },
  {
    email: 'priya.shah@example.org', displayName: 'Priya Shah', role: 'pharmacist', organisation: 'pharmacy',
    totpSecret: 'WU5EJRYVGQSLCPJ3WUABQXEK4CBGGRTJ',
  },
  {
    email: 'chris.lee@example.org', displayName: 'Chris Lee', role: 'partner_admin', organisation: 'partner',
    totpSecret: '4PW6KSNR7IM7KKTOXOYY3G5WT4GUMW65',
  },
  {
    email: 'morgan.reed@example.org', displayName: 'Morgan Reed', role: 'clinic_admin', organisation: 'clinic',
    totpSecret: 'YLL2RE54PGT7W2IWAKAULKQ5N374FZGJ',
  },
  {
    email: 'alex.morgan@example.org', displayName: 'Alex Morgan', role: 'patient', clinicianEmail: 'asha.patel@example.org', nhsRegistered: true,
    patient: { givenName: 'Alex', familyName: 'Morgan', dateOfBirth: '1986-04-12', mobile: '07700900123', postcode: 'SE1 7PB', nhsNumber: '9434765919' },
  },
  {
    email: 'jamie.taylor@example.org', displayName: 'Jamie Taylor', role: 'patient', clinicianEmail: 'sam.okafor@example.org', memberNumber: 'ACME-1001',
    patient: { givenName: 'Jamie', familyName: 'Taylor', dateOfBirth: '1994-09-30', mobile: '07700900456', postcode: 'SE11 4QD', nhsNumber: '9434765870' },
  },
];
