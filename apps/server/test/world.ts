import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API, type SessionResponse } from '@confide/contract';
import type { Role } from '@confide/domain';
import { currentTotpCode, newTotpSecret } from '../src/identity/totp';
import { PasswordHasher } from '../src/identity/passwords';
import { storeSegment } from '../src/recordings/segment-sink';
import { demoDirectoryCsv, loadDirectory } from '../src/seed/demo-directory';
import type { ServiceDeps } from '../src/services/service-deps';
import { ApiClient, newRegistration, type TestContext } from './test-app';

export const STAFF_PASSWORD = 'staff password for tests';

export interface WorldPatient {
  userId: string;
  patientId: string;
  email: string;
  password: string;
  /** Strings unique to this patient: if one appears in a response to someone not entitled, that is a leak. */
  markers: string[];
  client: ApiClient;
}

export interface WorldStaff {
  userId: string;
  email: string;
  role: Role;
  totpSecret: string;
  client: ApiClient;
}

export interface World {
  patients: WorldPatient[];
  clinicians: WorldStaff[];
  admin: WorldStaff;
  /** clinician userId -> patientIds in their care */
  care: Map<string, Set<string>>;
}

/** Registers a patient through the API and returns them signed in. */
export async function registerPatient(ctx: TestContext, overrides: Record<string, unknown> = {}): Promise<WorldPatient> {
  const client = new ApiClient(ctx.app);
  const reg = newRegistration(overrides);
  const res = await client.post(API.register, reg);
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${res.text}`);
  const session = res.body as SessionResponse;
  const patient = session.user.patient;
  if (!patient) throw new Error('no patient profile');
  return {
    userId: session.user.id,
    patientId: patient.id,
    email: reg.email,
    password: reg.password,
    markers: [patient.id, reg.email, reg.givenName, reg.familyName],
    client,
  };
}

/** Signs a patient in again: a second, separate session. */
export async function signIn(ctx: TestContext, patient: WorldPatient): Promise<ApiClient> {
  const client = new ApiClient(ctx.app);
  const res = await client.post(API.login, { email: patient.email, password: patient.password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return client;
}

/** Creates a staff member directly (as the clinic would through its admin tools), enrolled in TOTP, and signs them in. */
export async function createStaff(ctx: TestContext, role: Role, name: string, organisationId: string | null = null): Promise<WorldStaff> {
  const userId = randomUUID();
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${userId.slice(0, 8)}@staff.example.test`;
  const totpSecret = newTotpSecret();
  const hash = await new PasswordHasher(ctx.config.auth.argon2).hash(STAFF_PASSWORD);
  await ctx.dbs.admin.transaction(async (q) => {
    await q.query(
      `INSERT INTO users (id, email, password_hash, role, display_name, totp_secret, totp_enrolled_at, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
      [userId, email, hash, role, name, totpSecret, organisationId],
    );
    await q.query('INSERT INTO staff_profiles (user_id, profession, registration_number) VALUES ($1, $2, $3)', [
      userId, role === 'clinician' ? 'gp' : null, role === 'clinician' ? `GMC ${userId.slice(0, 7)}` : null,
    ]);
  });
  const client = new ApiClient(ctx.app);
  const res = await client.login(email, STAFF_PASSWORD, currentTotpCode(totpSecret));
  if (res.status !== 200) throw new Error(`staff sign-in failed: ${res.status} ${res.text}`);
  return { userId, email, role, totpSecret, client };
}

export interface WorldPartner {
  organisationId: string;
  name: string;
  /** Signed in as the partner's admin. */
  admin: WorldStaff;
}

/**
 * An insurer with two plans, as the clinic would set it up: `essential` covers GP appointments,
 * `complete` every appointment type. Its admin is signed in.
 */
export async function createPartner(ctx: TestContext, name: string): Promise<WorldPartner> {
  const organisationId = randomUUID();
  await ctx.dbs.admin.transaction(async (q) => {
    await q.query(`INSERT INTO organisations (id, kind, name, partner_type) VALUES ($1, 'partner', $2, 'insurer')`, [organisationId, name]);
    await q.query(
      `INSERT INTO partner_plans (partner_org_id, code, name) VALUES ($1, 'essential', 'Essential'), ($1, 'complete', 'Complete')`,
      [organisationId],
    );
    await q.query(
      `INSERT INTO partner_plan_coverage (plan_id, appointment_type_id)
       SELECT p.id, t.id FROM partner_plans p CROSS JOIN appointment_types t
       WHERE p.partner_org_id = $1 AND (p.code = 'complete' OR t.profession = 'gp')`,
      [organisationId],
    );
  });
  return { organisationId, name, admin: await createStaff(ctx, 'partner_admin', `${name} Admin`, organisationId) };
}

export async function addCareRelationship(ctx: TestContext, clinicianUserId: string, patientId: string): Promise<void> {
  await ctx.dbs.admin.query(
    `INSERT INTO care_relationships (clinician_user_id, patient_id, reason) VALUES ($1, $2, 'test') ON CONFLICT DO NOTHING`,
    [clinicianUserId, patientId],
  );
}

/** Patients, clinicians (each caring for some patients) and a clinic admin, all signed in. */
export async function buildWorld(ctx: TestContext, size: { patients: number; clinicians: number }, careOf: (clinician: number, patient: number) => boolean): Promise<World> {
  const patients: WorldPatient[] = [];
  for (let i = 0; i < size.patients; i++) patients.push(await registerPatient(ctx));
  const clinicians: WorldStaff[] = [];
  for (let i = 0; i < size.clinicians; i++) clinicians.push(await createStaff(ctx, 'clinician', `Dr Test ${i}`));
  const admin = await createStaff(ctx, 'clinic_admin', 'Clinic Admin');
  const care = new Map<string, Set<string>>();
  for (const [ci, c] of clinicians.entries()) {
    const set = new Set<string>();
    for (const [pi, p] of patients.entries()) {
      if (careOf(ci, pi)) {
        await addCareRelationship(ctx, c.userId, p.patientId);
        set.add(p.patientId);
      }
    }
    care.set(c.userId, set);
  }
  return { patients, clinicians, admin, care };
}

let consultationFixtures = 0;

/**
 * An appointment (in the recent past, so fixtures never overlap) with the clinician admitted the patient: the consultation row, made directly as
 * booking, check-in and admit would (those are tested on their own).
 */
export async function startConsultation(
  ctx: TestContext, patient: WorldPatient, clinician: WorldStaff, mode: 'audio' | 'video' = 'audio',
): Promise<{ consultationId: string; appointmentId: string }> {
  // Each fixture an hour earlier than the last, so one clinician's fixtures never overlap.
  consultationFixtures += 1;
  const hoursAgo = consultationFixtures;
  return ctx.dbs.admin.transaction(async (q) => {
    const { rows } = await q.query<{ id: string }>(
      `INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason, status, checked_in_at, access_route)
       SELECT $1, $2, t.id, date_trunc('minute', now()) - make_interval(hours => $4), date_trunc('minute', now()) - make_interval(hours => $4) + interval '10 minutes',
              'Consultation test', 'in_consultation', now(), 'private'
       FROM appointment_types t WHERE t.code = $3 RETURNING id`,
      [patient.patientId, clinician.userId, mode === 'audio' ? 'gp-audio' : 'gp-video', hoursAgo],
    );
    const appointmentId = rows[0]!.id;
    const c = await q.query<{ id: string }>(
      'INSERT INTO consultations (appointment_id, patient_id, clinician_user_id, mode) VALUES ($1, $2, $3, $4) RETURNING id',
      [appointmentId, patient.patientId, clinician.userId, mode],
    );
    await q.query(
      `INSERT INTO care_relationships (clinician_user_id, patient_id, reason) VALUES ($1, $2, 'test') ON CONFLICT DO NOTHING`,
      [clinician.userId, patient.patientId],
    );
    return { consultationId: c.rows[0]!.id, appointmentId };
  });
}

/** A committed recording segment row for a consultation (its media is not needed by listing tests). */
export async function addRecordingSegment(ctx: TestContext, consultationId: string, participant: 'patient' | 'clinician' = 'clinician', seconds = 5): Promise<string> {
  const id = randomUUID();
  await ctx.dbs.admin.query(
    `INSERT INTO recording_segments (id, consultation_id, patient_id, clinician_user_id, participant, seq, has_audio, has_video, started_at, ended_at,
       blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes)
     SELECT $1, c.id, c.patient_id, c.clinician_user_id, $2,
            (SELECT count(*) FROM recording_segments s WHERE s.consultation_id = c.id AND s.participant = $2), true, false,
            c.started_at, c.started_at + make_interval(secs => $3), $4, 'wrapped', 'kek', 100, 132
     FROM consultations c WHERE c.id = $5`,
    [id, participant, seconds, `seg-${id}`, consultationId],
  );
  return id;
}

/**
 * Stores real media — a WebM file from test/fixtures, or given bytes — as a participant's next recording segment,
 * encrypted as the recorder stores it, beginning `atSeconds` after the consultation started.
 */
export async function recordSegment(
  ctx: TestContext, recordings: ServiceDeps['recordings'], consultationId: string, participant: 'patient' | 'clinician', media: string | Buffer, atSeconds: number,
): Promise<void> {
  const { rows } = await ctx.dbs.admin.query<{ patient_id: string; clinician_user_id: string; started_at: Date; seq: number }>(
    `SELECT c.patient_id, c.clinician_user_id, c.started_at,
            (SELECT count(*)::int FROM recording_segments s WHERE s.consultation_id = c.id AND s.participant = $2) AS seq
     FROM consultations c WHERE c.id = $1`,
    [consultationId, participant],
  );
  const c = rows[0]!;
  const owner = { consultationId, patientId: c.patient_id, clinicianId: c.clinician_user_id };
  const bytes = typeof media === 'string' ? readFileSync(path.join(__dirname, 'fixtures', media)) : media;
  const startedAt = new Date(c.started_at.getTime() + atSeconds * 1000);
  await storeSegment({
    ...recordings,
    commit: async (s) => {
      await ctx.dbs.admin.query(
        `INSERT INTO recording_segments (id, consultation_id, patient_id, clinician_user_id, participant, seq, has_audio, has_video, started_at, ended_at,
           blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [s.id, consultationId, owner.patientId, owner.clinicianId, participant, s.seq, s.hasAudio, s.hasVideo, s.startedAt, s.endedAt,
          s.blobKey, s.wrappedKey, s.kekId, s.plaintextBytes, s.storedBytes],
      );
    },
  }, owner, { participant, seq: c.seq, hasAudio: true, hasVideo: bytes.includes(Buffer.from('V_VP8')), startedAt, endedAt: new Date(startedAt.getTime() + 2000), bytes });
}

export async function endConsultation(ctx: TestContext, consultationId: string): Promise<void> {
  await ctx.dbs.admin.query(`UPDATE consultations SET ended_at = now() WHERE id = $1`, [consultationId]);
}

export interface WorldPharmacy {
  organisationId: string;
  odsCode: string;
  name: string;
  /** Signed in as the pharmacy's pharmacist. */
  pharmacist: WorldStaff;
}

/** The demo pharmacy directory and its postcodes (idempotent), as `npm start` seeds them. */
export async function loadDemoDirectory(ctx: TestContext): Promise<void> {
  await loadDirectory(ctx.dbs.admin, demoDirectoryCsv());
}

/** A pharmacy of the demo directory (by ODS code) with a signed-in pharmacist of its own. */
export async function pharmacyWithPharmacist(ctx: TestContext, odsCode: string): Promise<WorldPharmacy> {
  await loadDemoDirectory(ctx);
  const { rows } = await ctx.dbs.admin.query<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE ods_code = $1', [odsCode]);
  const org = rows[0];
  if (!org) throw new Error(`no pharmacy ${odsCode} in the demo directory`);
  return { organisationId: org.id, odsCode, name: org.name, pharmacist: await createStaff(ctx, 'pharmacist', `Pharmacist ${odsCode}`, org.id) };
}

/** Makes the staff member's last confirmed second factor older than the 5 minutes signing allows. */
export async function ageSecondFactor(ctx: TestContext, staff: WorldStaff): Promise<void> {
  await ctx.dbs.admin.query(`UPDATE sessions SET second_factor_at = now() - interval '6 minutes' WHERE user_id = $1`, [staff.userId]);
}

/**
 * Confirms the staff member's second factor again (step-up). A code's time step may be used once, so this uses the
 * next step's code (accepted for clock drift), waiting for a fresh step if that one was used already.
 */
export async function confirmSecondFactor(staff: WorldStaff): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await staff.client.post(API.secondFactor, { code: currentTotpCode(staff.totpSecret, Date.now() + 30_000) });
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 50));
  }
  throw new Error('could not confirm the second factor');
}
