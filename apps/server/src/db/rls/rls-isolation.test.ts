import { randomBytes, randomUUID } from 'node:crypto';
import { API, type PatientList, type Prescription } from '@confide/contract';
import type { Principal } from '@confide/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';
import { testEngine } from '../../../test/test-databases';
import { buildWorld, createPartner, endConsultation, pharmacyWithPharmacist, startConsultation, type World } from '../../../test/world';
import type { Databases } from '../database';
import { withPrincipal } from '../with-principal';

/**
 * Two layers, each enough alone. With the policy module switched off (a test-only fault), row-level security
 * still stops every cross-patient read, list and change; with RLS switched off, the policy module does.
 * With both off the same requests leak, which shows these tests can fail.
 */

let ctx: TestContext;
let world: World;
// Patient 0 is in clinician 0's care; patient 1 is in nobody's care.
beforeAll(async () => {
  ctx = await createTestApp({ faults: { policyOff: true } });
  world = await buildWorld(ctx, { patients: 3, clinicians: 2 }, (c, p) => c === 0 && p === 0);
});
afterAll(async () => ctx.close());

function principalOf(who: { userId: string }, role: Principal['role'], patientId: string | null = null): Principal {
  return { userId: who.userId, displayName: 'x', role, sessionId: '00000000-0000-0000-0000-000000000000', patientId, organisationId: null, mfaSatisfied: true };
}

describe('the database alone (policy module off)', () => {
  it('a patient cannot open another patient through the API: 404, like a missing record', async () => {
    const [a, b] = world.patients;
    const res = await a!.client.get(API.patient(b!.patientId));
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(b!.email);
    expect((await a!.client.get(API.patient(a!.patientId))).status).toBe(200);
  });

  it('a clinician lists and opens only patients in their care', async () => {
    const c = world.clinicians[0]!;
    const list = await c.client.get(API.patients);
    expect((list.body as PatientList).items.map((p) => p.id)).toEqual([world.patients[0]!.patientId]);
    expect((await c.client.get(API.patient(world.patients[1]!.patientId))).status).toBe(404);
    const other = world.clinicians[1]!;
    expect((await other.client.get(API.patients)).body).toEqual({ items: [] });
  });

  it('as a patient, SQL over every patient-data table returns and changes only their own rows', async () => {
    const [a, b] = world.patients;
    const p = principalOf(a!, 'patient', a!.patientId);
    await withPrincipal(ctx.dbs.app, p, async (tx) => {
      const patients = await tx.query<{ id: string }>('SELECT id FROM patients');
      expect(patients.rows.map((r) => r.id)).toEqual([a!.patientId]);
      // Staff are a directory; of the patients' accounts, only their own.
      const users = await tx.query<{ id: string }>(`SELECT id FROM users WHERE role = 'patient'`);
      expect(users.rows.map((r) => r.id)).toEqual([a!.userId]);
      const sessions = await tx.query<{ user_id: string }>('SELECT user_id FROM sessions');
      expect(new Set(sessions.rows.map((r) => r.user_id))).toEqual(new Set([a!.userId]));
      const audit = await tx.query<{ patient_id: string }>('SELECT patient_id FROM audit_events');
      expect(audit.rows.length).toBeGreaterThan(0);
      expect(new Set(audit.rows.map((r) => r.patient_id))).toEqual(new Set([a!.patientId]));
      expect((await tx.query('SELECT id FROM care_relationships WHERE patient_id = $1', [b!.patientId])).rows).toEqual([]);
      const outbox = await tx.query<{ recipient_user_id: string }>('SELECT recipient_user_id FROM outbox_messages');
      expect(outbox.rows.length).toBeGreaterThan(0); // their own welcome email
      expect(new Set(outbox.rows.map((r) => r.recipient_user_id))).toEqual(new Set([a!.userId]));
      const changed = await tx.query(`UPDATE patients SET postcode = 'E1 6AN' WHERE id = $1`, [b!.patientId]);
      expect(changed.rowCount).toBe(0);
      const revoked = await tx.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [b!.userId]);
      expect(revoked.rowCount).toBe(0);
    });
    // A write that would create a row for another patient is refused by WITH CHECK.
    await expect(
      withPrincipal(ctx.dbs.app, p, (tx) =>
        tx.query(`INSERT INTO sessions (user_id, token_hash, csrf_token, mfa_satisfied, expires_at) VALUES ($1, 'h', 'c', true, now())`, [b!.userId]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('access routes: a patient sees only their own NHS registration, memberships and payments; a partner admin only their own members', async () => {
    const [a, b] = world.patients;
    const acme = await createPartner(ctx, 'RLS Acme');
    const other = await createPartner(ctx, 'RLS Other');
    for (const [partner, n, dob] of [[acme, 'R-A', '1980-01-01'], [acme, 'R-B', '1981-01-01'], [other, 'R-C', '1982-01-01']] as const) {
      expect((await partner.admin.client.request('PUT', API.partnerMember(n), { givenName: 'M', familyName: n, dateOfBirth: dob, plan: 'essential' })).status).toBe(201);
    }
    for (const [p, n, dob] of [[a!, 'R-A', '1980-01-01'], [b!, 'R-B', '1981-01-01']] as const) {
      expect((await p.client.post(API.myMemberships, { partnerId: acme.organisationId, memberNumber: n, dateOfBirth: dob })).status).toBe(201);
      expect((await p.client.post(API.myNhsRegistration, { nhsNumber: '9434765919' })).status).toBe(201);
    }
    await withPrincipal(ctx.dbs.app, principalOf(a!, 'patient', a!.patientId), async (tx) => {
      for (const table of ['nhs_registrations', 'patient_memberships']) {
        const { rows } = await tx.query<{ patient_id: string }>(`SELECT patient_id FROM ${table}`);
        expect(rows.map((r) => r.patient_id), table).toEqual([a!.patientId]);
      }
      expect((await tx.query<{ member_number: string }>('SELECT member_number FROM partner_members')).rows.map((r) => r.member_number)).toEqual(['R-A']);
      expect((await tx.query('SELECT id FROM payments WHERE patient_id <> $1', [a!.patientId])).rows).toEqual([]);
      expect((await tx.query(`UPDATE partner_members SET removed_at = now()`)).rowCount).toBe(0);
      expect((await tx.query('SELECT * FROM partner_usage()')).rows).toEqual([]);
    });
    // Linking goes only through link_partner_membership(), which checks the member number and date of birth.
    await expect(withPrincipal(ctx.dbs.app, principalOf(a!, 'patient', a!.patientId), (tx) =>
      tx.query('INSERT INTO patient_memberships (patient_id, partner_member_id) SELECT $1, id FROM partner_members', [a!.patientId]),
    )).rejects.toThrow(/permission denied|row-level security/);
    const acmeAdmin: Principal = { ...principalOf(acme.admin, 'partner_admin'), organisationId: acme.organisationId };
    await withPrincipal(ctx.dbs.app, acmeAdmin, async (tx) => {
      const members = await tx.query<{ member_number: string }>('SELECT member_number FROM partner_members ORDER BY member_number');
      expect(members.rows.map((r) => r.member_number)).toEqual(['R-A', 'R-B']);
      for (const table of ['nhs_registrations', 'patient_memberships', 'payments', 'appointments', 'patients']) {
        expect((await tx.query(`SELECT 1 FROM ${table}`)).rows, table).toEqual([]);
      }
      expect((await tx.query(`UPDATE partner_members SET removed_at = now() WHERE partner_org_id = $1`, [other.organisationId])).rowCount).toBe(0);
    });
    await expect(withPrincipal(ctx.dbs.app, acmeAdmin, (tx) => tx.query(
      `INSERT INTO partner_members (partner_org_id, member_number, given_name, family_name, date_of_birth, plan_id) SELECT $1, 'X-1', 'x', 'y', '1990-01-01', id FROM partner_plans WHERE partner_org_id = $1`,
      [other.organisationId],
    ))).rejects.toThrow(/row-level security/);
  });

  it('consultations: segments, chat and notes are seen by their own patient and clinician only, and can never name another patient', async () => {
    const [a, b] = world.patients;
    const [gp, otherGp] = world.clinicians;
    const mine = await startConsultation(ctx, a!, gp!);
    const theirs = await startConsultation(ctx, b!, otherGp!);
    // Consultations come with care relationships: keep the world's record of them true for the property below.
    world.care.get(gp!.userId)!.add(a!.patientId);
    world.care.get(otherGp!.userId)!.add(b!.patientId);
    const segment = (id: string, consultationId: string, patientId: string, clinicianId: string, participant: string, seq: number) => [
      `INSERT INTO recording_segments (id, consultation_id, patient_id, clinician_user_id, participant, seq, has_audio, has_video, started_at, ended_at, blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, true, false, now(), now(), $7, 'w', 'k', 1, 1)`,
      [id, consultationId, patientId, clinicianId, participant, seq, `blob-${id}`],
    ] as const;
    const pa = principalOf(a!, 'patient', a!.patientId);
    await withPrincipal(ctx.dbs.app, pa, async (tx) => {
      await tx.query(...segment(randomUUID(), mine.consultationId, a!.patientId, gp!.userId, 'patient', 0));
      await tx.query(`INSERT INTO consultation_messages (consultation_id, patient_id, clinician_user_id, sender_user_id, body) VALUES ($1, $2, $3, $4, 'hi')`, [mine.consultationId, a!.patientId, gp!.userId, a!.userId]);
    });
    // The owner (no RLS) cannot attach a segment to one consultation with another consultation's patient either.
    await expect(ctx.dbs.admin.query(...segment(randomUUID(), mine.consultationId, b!.patientId, gp!.userId, 'patient', 1))).rejects.toThrow(/foreign key/);
    await expect(ctx.dbs.admin.query(...segment(randomUUID(), theirs.consultationId, b!.patientId, gp!.userId, 'clinician', 0))).rejects.toThrow(/foreign key/);
    for (const [what, sql] of [
      ['patient writes into another consultation', segment(randomUUID(), theirs.consultationId, b!.patientId, otherGp!.userId, 'patient', 0)],
      ['patient writes the clinician’s media', segment(randomUUID(), mine.consultationId, a!.patientId, gp!.userId, 'clinician', 0)],
    ] as const) {
      await expect(withPrincipal(ctx.dbs.app, pa, (tx) => tx.query(...sql)), what).rejects.toThrow(/row-level security/);
    }
    await withPrincipal(ctx.dbs.app, principalOf(b!, 'patient', b!.patientId), async (tx) => {
      for (const table of ['recording_segments', 'consultation_messages', 'consultation_notes', 'consultation_summaries', 'consultations']) {
        const { rows } = await tx.query<{ patient_id: string }>(`SELECT patient_id FROM ${table}`);
        expect(rows.every((r) => r.patient_id === b!.patientId), table).toBe(true);
      }
    });
    await withPrincipal(ctx.dbs.app, principalOf(otherGp!, 'clinician'), async (tx) => {
      expect((await tx.query('SELECT 1 FROM recording_segments WHERE consultation_id = $1', [mine.consultationId])).rows).toEqual([]);
      expect((await tx.query('SELECT 1 FROM consultation_messages WHERE consultation_id = $1', [mine.consultationId])).rows).toEqual([]);
    });
    // A patient never reads the clinician's notes, even their own consultation's.
    await withPrincipal(ctx.dbs.app, principalOf(gp!, 'clinician'), (tx) =>
      tx.query(`INSERT INTO consultation_notes (consultation_id, patient_id, clinician_user_id, assessment) VALUES ($1, $2, $3, 'x')`, [mine.consultationId, a!.patientId, gp!.userId]));
    await withPrincipal(ctx.dbs.app, pa, async (tx) => {
      expect((await tx.query('SELECT 1 FROM consultation_notes')).rows).toEqual([]);
    });
  });

  it('replay tracks and viewings: composed and played only for one’s own consultations, in one’s own session', async () => {
    const [a, b] = world.patients;
    const [gp, otherGp] = world.clinicians;
    const mine = await startConsultation(ctx, a!, gp!);
    const live = await startConsultation(ctx, a!, gp!);
    const theirs = await startConsultation(ctx, b!, otherGp!);
    world.care.get(gp!.userId)!.add(a!.patientId);
    world.care.get(otherGp!.userId)!.add(b!.patientId);
    await endConsultation(ctx, mine.consultationId);
    await endConsultation(ctx, theirs.consultationId);
    const track = (consultationId: string, patientId: string, clinicianId: string) => [
      `INSERT INTO replay_tracks (id, consultation_id, patient_id, clinician_user_id, participant, source_segments, source_last_seq, has_video,
         duration_ms, blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes)
       VALUES ($1, $2, $3, $4, 'patient', 1, 0, false, 1000, $5, 'w', 'k', 1, 1)`,
      [randomUUID(), consultationId, patientId, clinicianId, `replay-${randomUUID()}`],
    ] as const;
    const viewing = (consultationId: string, patientId: string, clinicianId: string, viewer: string, session: string) => [
      `INSERT INTO replay_viewings (consultation_id, patient_id, clinician_user_id, viewer_user_id, session_id, break_glass, duration_ms,
         patient_track_bytes, clinician_track_bytes, link_hash, link_expires_at)
       VALUES ($1, $2, $3, $4, $5, false, 1000, 1, 0, $6, now() + interval '5 minutes')`,
      [consultationId, patientId, clinicianId, viewer, session, randomBytes(32)],
    ] as const;
    const pa = principalOf(a!, 'patient', a!.patientId);
    await withPrincipal(ctx.dbs.app, pa, async (tx) => {
      await tx.query(...track(mine.consultationId, a!.patientId, gp!.userId));
      await tx.query(...viewing(mine.consultationId, a!.patientId, gp!.userId, a!.userId, pa.sessionId));
    });
    for (const [what, sql] of [
      ['a track for another patient’s consultation', track(theirs.consultationId, b!.patientId, otherGp!.userId)],
      ['a track before the consultation has ended', track(live.consultationId, a!.patientId, gp!.userId)],
      ['a viewing of another patient’s consultation', viewing(theirs.consultationId, b!.patientId, otherGp!.userId, a!.userId, pa.sessionId)],
      ['a viewing in someone else’s name', viewing(mine.consultationId, a!.patientId, gp!.userId, b!.userId, pa.sessionId)],
      ['a viewing bound to another session', viewing(mine.consultationId, a!.patientId, gp!.userId, a!.userId, randomUUID())],
    ] as const) {
      await expect(withPrincipal(ctx.dbs.app, pa, (tx) => tx.query(sql[0], sql[1])), what).rejects.toThrow(/row-level security/);
    }
    // The owner cannot attach a track or a viewing to one consultation with another consultation's patient.
    await expect(ctx.dbs.admin.query(...track(live.consultationId, b!.patientId, gp!.userId))).rejects.toThrow(/foreign key/);
    for (const [who, tracks, viewings] of [
      [pa, 1, 1], [principalOf(b!, 'patient', b!.patientId), 0, 0], [principalOf(gp!, 'clinician'), 1, 0], [principalOf(otherGp!, 'clinician'), 0, 0],
      [principalOf(world.admin, 'clinic_admin'), 0, 0],
    ] as const) {
      await withPrincipal(ctx.dbs.app, who, async (tx) => {
        expect((await tx.query('SELECT 1 FROM replay_tracks WHERE consultation_id = $1', [mine.consultationId])).rows.length, who.role).toBe(tracks);
        expect((await tx.query('SELECT 1 FROM replay_viewings WHERE consultation_id = $1', [mine.consultationId])).rows.length, who.role).toBe(viewings);
        // Nobody else shreds another patient's tracks, and a viewing is changed only by its viewer, in its session.
        if (who !== pa) {
          expect((await tx.query('SELECT replay_tracks_shred($1)', [mine.consultationId])).rows).toEqual([]);
          expect((await tx.query(`UPDATE replay_viewings SET bytes_served = 99 WHERE consultation_id = $1`, [mine.consultationId])).rowCount).toBe(0);
        }
      });
    }
    await withPrincipal(ctx.dbs.app, { ...pa, sessionId: randomUUID() }, async (tx) => {
      expect((await tx.query(`UPDATE replay_viewings SET bytes_served = 99 WHERE consultation_id = $1`, [mine.consultationId])).rowCount).toBe(0);
    });
  });

  it('symptom checks: a patient reads, writes and deletes only their own', async () => {
    const [a, b] = world.patients;
    const insert = (patientId: string) => [
      `INSERT INTO triage_sessions (patient_id, description, age, sex, result, triage, summary) VALUES ($1, 'a sore throat', 30, 'female', '{}', 'self_care', 's') RETURNING id`,
      [patientId],
    ] as const;
    const pa = principalOf(a!, 'patient', a!.patientId);
    const pb = principalOf(b!, 'patient', b!.patientId);
    const mine = (await withPrincipal(ctx.dbs.app, pa, (tx) => tx.query<{ id: string }>(...insert(a!.patientId)))).rows[0]!.id;
    await expect(withPrincipal(ctx.dbs.app, pa, (tx) => tx.query(...insert(b!.patientId)))).rejects.toThrow(/row-level security/);
    await withPrincipal(ctx.dbs.app, pb, async (tx) => {
      expect((await tx.query('SELECT 1 FROM triage_sessions WHERE id = $1', [mine])).rows).toEqual([]);
      expect((await tx.query(`UPDATE triage_sessions SET summary = 'x' WHERE id = $1`, [mine])).rowCount).toBe(0);
      expect((await tx.query('DELETE FROM triage_sessions WHERE id = $1', [mine])).rowCount).toBe(0);
    });
    for (const who of [principalOf(world.clinicians[0]!, 'clinician'), principalOf(world.admin, 'clinic_admin')]) {
      await withPrincipal(ctx.dbs.app, who, async (tx) => expect((await tx.query('SELECT 1 FROM triage_sessions')).rows).toEqual([]));
    }
    await withPrincipal(ctx.dbs.app, pa, async (tx) => expect((await tx.query('DELETE FROM triage_sessions WHERE id = $1', [mine])).rowCount).toBe(1));
  });

  it('prescribing: prescriptions, allergies, medicines, nominations and repeat requests are seen by their patient, prescriber and pharmacy only', async () => {
    const [a, b] = world.patients;
    const gp = world.clinicians[0]!;
    const own = await pharmacyWithPharmacist(ctx, 'FA001');
    const other = await pharmacyWithPharmacist(ctx, 'FA002');
    const { consultationId } = await startConsultation(ctx, a!, gp);
    expect((await a!.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: own.organisationId })).status).toBe(200);
    expect((await gp.client.post(API.allergies(a!.patientId), { substance: 'penicillin', reaction: 'rash' })).status).toBe(201);
    const issued = await gp.client.post(API.consultationPrescriptions(consultationId), {
      medicineId: 'ramipril-5mg-capsule', dosesPerTime: 1, timesPerDay: 1, durationDays: 28, quantity: 28, instructions: 'One a day', repeatable: true, overrides: [],
    });
    expect(issued.status).toBe(201);
    const rx = issued.body as Prescription;
    expect((await a!.client.post(API.prescriptionRepeatRequests(rx.id), {})).status).toBe(201);
    const tables = ['prescriptions', 'patient_allergies', 'patient_medicines', 'pharmacy_nominations', 'repeat_requests'];
    const pharmacist = (p: typeof own): Principal => ({ ...principalOf(p.pharmacist, 'pharmacist'), organisationId: p.organisationId });
    for (const who of [principalOf(b!, 'patient', b!.patientId), principalOf(world.clinicians[1]!, 'clinician'), pharmacist(other), principalOf(world.admin, 'clinic_admin')]) {
      await withPrincipal(ctx.dbs.app, who, async (tx) => {
        for (const t of tables) expect((await tx.query(`SELECT 1 FROM ${t} WHERE patient_id = $1`, [a!.patientId])).rows, `${who.role} ${t}`).toEqual([]);
        expect((await tx.query(`UPDATE prescriptions SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [rx.id])).rowCount).toBe(0);
        expect((await tx.query(`UPDATE patient_allergies SET removed_at = now(), removed_by = $2 WHERE patient_id = $1`, [a!.patientId, who.userId])).rowCount).toBe(0);
        expect((await tx.query(`UPDATE pharmacy_nominations SET pharmacy_id = $2 WHERE patient_id = $1`, [a!.patientId, other.organisationId])).rowCount).toBe(0);
      });
    }
    // Its own pharmacy sees the prescription and who it is for (name, date of birth, NHS number), nothing else of the
    // record and never the patient's row with its contact details.
    await withPrincipal(ctx.dbs.app, pharmacist(own), async (tx) => {
      expect((await tx.query('SELECT id FROM prescriptions')).rows).toEqual([{ id: rx.id }]);
      expect((await tx.query('SELECT id FROM patients')).rows).toEqual([]);
      expect((await tx.query<{ name: string }>('SELECT name FROM prescription_patient($1)', [rx.id])).rows.map((r) => r.name)).toHaveLength(1);
      for (const t of tables.slice(1)) expect((await tx.query(`SELECT 1 FROM ${t}`)).rows, t).toEqual([]);
    });
    for (const who of [pharmacist(other), principalOf(b!, 'patient', b!.patientId), principalOf(world.clinicians[1]!, 'clinician')]) {
      await withPrincipal(ctx.dbs.app, who, async (tx) => expect((await tx.query('SELECT * FROM prescription_patient($1)', [rx.id])).rows, who.role).toEqual([]));
    }
    // The signed content cannot be changed by anyone the app acts for, and a prescription needs a fresh second factor.
    await expect(withPrincipal(ctx.dbs.app, pharmacist(own), (tx) => tx.query('UPDATE prescriptions SET quantity = 56 WHERE id = $1', [rx.id]))).rejects.toThrow(/permission denied/);
    await expect(withPrincipal(ctx.dbs.app, principalOf(gp, 'clinician'), (tx) => tx.query(
      `INSERT INTO prescriptions (token, consultation_id, patient_id, clinician_user_id, pharmacy_id, medicine_id, doses_per_time, times_per_day, duration_days,
         quantity, instructions, repeatable, jws, signing_key_id, issued_at, expires_at)
       SELECT 'ABCDEFGHJKMNPQRSTVWX', consultation_id, patient_id, clinician_user_id, pharmacy_id, medicine_id, 1, 1, 1, 1, 'x x x', false, jws, signing_key_id, now(), now() + interval '1 day'
       FROM prescriptions WHERE id = $1`, [rx.id]))).rejects.toThrow(/row-level security/);
    // Through the API with the policy module off: still 404 for another patient and another pharmacy.
    for (const who of [b!.client, other.pharmacist.client, world.clinicians[1]!.client]) {
      const res = await who.get(API.prescription(rx.id));
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(rx.token);
    }
  });

  it('signing keys: a prescriber only retires their own; only a clinic admin revokes, in their own name; neither is undone; a retired key signs nothing', async () => {
    const [gp, other] = world.clinicians;
    const key = async (who: { userId: string }) => (await ctx.dbs.admin.query<{ id: string }>(
      'SELECT id FROM prescriber_keys WHERE user_id = $1 AND retired_at IS NULL', [who.userId])).rows[0]!.id;
    // Each clinician has a key in use (made by their first prescription, or here directly).
    for (const c of [gp!, other!]) {
      await ctx.dbs.admin.query(
        `INSERT INTO prescriber_keys (user_id, algorithm, public_jwk, wrapped_private_key) VALUES ($1, 'ES256', '{}', 'wrapped')
         ON CONFLICT (user_id) WHERE retired_at IS NULL DO NOTHING`, [c.userId]);
    }
    const gpKey = await key(gp!);
    const otherKey = await key(other!);
    const pharmacist = await pharmacyWithPharmacist(ctx, 'FA003');
    const patient = principalOf(world.patients[0]!, 'patient', world.patients[0]!.patientId);
    const pharmacistPrincipal = { ...principalOf(pharmacist.pharmacist, 'pharmacist'), organisationId: pharmacist.organisationId };
    // Nobody else retires or revokes a prescriber's key; nobody else reads its private half or counts what it signed.
    for (const who of [principalOf(other!, 'clinician'), patient, pharmacistPrincipal]) {
      await withPrincipal(ctx.dbs.app, who, async (tx) => {
        expect((await tx.query('UPDATE prescriber_keys SET retired_at = now() WHERE id = $1', [gpKey])).rowCount, who.role).toBe(0);
        expect((await tx.query('SELECT signing_key_undispensed($1) AS n', [gpKey])).rows).toEqual([{ n: 0 }]);
      });
    }
    await withPrincipal(ctx.dbs.app, patient, async (tx) => expect((await tx.query('SELECT * FROM prescriber_private_key()')).rows).toEqual([]));
    await expect(withPrincipal(ctx.dbs.app, patient, (tx) => tx.query('SELECT wrapped_private_key FROM prescriber_keys'))).rejects.toThrow(/permission denied/);
    // The prescriber cannot revoke (that is the clinic admin's), and an admin revokes only in their own name.
    await expect(withPrincipal(ctx.dbs.app, principalOf(gp!, 'clinician'), (tx) => tx.query(
      `UPDATE prescriber_keys SET retired_at = now(), revoked_at = now(), revoked_by = $2, revoked_reason = 'mine' WHERE id = $1`, [gpKey, gp!.userId],
    ))).rejects.toThrow(/row-level security/);
    await expect(withPrincipal(ctx.dbs.app, principalOf(world.admin, 'clinic_admin'), (tx) => tx.query(
      `UPDATE prescriber_keys SET retired_at = now(), revoked_at = now(), revoked_by = $2, revoked_reason = 'framed' WHERE id = $1`, [otherKey, gp!.userId],
    ))).rejects.toThrow(/row-level security/);
    // The prescriber retires their own: it no longer signs.
    await withPrincipal(ctx.dbs.app, principalOf(gp!, 'clinician'), async (tx) => {
      expect((await tx.query('UPDATE prescriber_keys SET retired_at = now() WHERE id = $1', [gpKey])).rowCount).toBe(1);
      expect((await tx.query('SELECT * FROM prescriber_private_key()')).rows).toEqual([]);
    });
    // And cannot bring it back.
    await expect(withPrincipal(ctx.dbs.app, principalOf(gp!, 'clinician'), (tx) =>
      tx.query('UPDATE prescriber_keys SET retired_at = NULL WHERE id = $1', [gpKey]))).rejects.toThrow(/stays so/);
    // The admin revokes the other's key in their own name; nobody undoes it, the admin included.
    await withPrincipal(ctx.dbs.app, principalOf(world.admin, 'clinic_admin'), (tx) => tx.query(
      `UPDATE prescriber_keys SET retired_at = now(), revoked_at = now(), revoked_by = $2, revoked_reason = 'Laptop stolen' WHERE id = $1`, [otherKey, world.admin.userId]));
    for (const sql of ['UPDATE prescriber_keys SET revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL WHERE id = $1', `UPDATE prescriber_keys SET revoked_reason = 'nothing happened' WHERE id = $1`]) {
      await expect(withPrincipal(ctx.dbs.app, principalOf(world.admin, 'clinic_admin'), (tx) => tx.query(sql, [otherKey]))).rejects.toThrow(/stays so/);
    }
    // The signed key material is not the app's to change.
    await expect(withPrincipal(ctx.dbs.app, principalOf(gp!, 'clinician'), (tx) =>
      tx.query(`UPDATE prescriber_keys SET public_jwk = '{}' WHERE user_id = $1`, [gp!.userId]))).rejects.toThrow(/permission denied/);
  });

  it('break-glass grants: made only through break_glass_open(), seen by their holder, their patient and admins', async () => {
    const [a, b] = world.patients;
    const c = world.clinicians[1]!;
    await withPrincipal(ctx.dbs.app, principalOf(c, 'clinician'), (tx) => tx.query(`SELECT * FROM break_glass_open($1, 'Emergency review of the recording', 's', 'b')`, [a!.patientId]));
    await expect(withPrincipal(ctx.dbs.app, principalOf(c, 'clinician'), (tx) =>
      tx.query(`INSERT INTO break_glass_grants (patient_id, granted_to, granted_to_name, granted_to_role, reason, expires_at) VALUES ($1, $2, 'x', 'clinician', 'a long enough reason', now() + interval '10 minutes')`, [b!.patientId, c.userId]),
    )).rejects.toThrow(/permission denied|row-level security/);
    // A patient cannot open break-glass at all.
    const none = await withPrincipal(ctx.dbs.app, principalOf(b!, 'patient', b!.patientId), (tx) => tx.query(`SELECT * FROM break_glass_open($1, 'I would like to see it', 's', 'b')`, [a!.patientId]));
    expect(none.rows).toEqual([]);
    for (const [who, expected] of [
      [principalOf(a!, 'patient', a!.patientId), 1], [principalOf(b!, 'patient', b!.patientId), 0],
      [principalOf(c, 'clinician'), 1], [principalOf(world.clinicians[0]!, 'clinician'), 0],
    ] as const) {
      const { rows } = await withPrincipal(ctx.dbs.app, who, (tx) => tx.query('SELECT 1 FROM break_glass_grants'));
      expect(rows.length).toBe(expected);
    }
  });

  it('incidents and kill switches: only clinic admins read incidents or change switches', async () => {
    const [a] = world.patients;
    await ctx.dbs.admin.query(
      `SELECT incident_open(NULL, NULL, NULL, NULL, NULL, 'test', '[]'::jsonb, ARRAY[$1::uuid], 's', 'b')`,
      [a!.patientId],
    );
    for (const who of [principalOf(a!, 'patient', a!.patientId), principalOf(world.clinicians[0]!, 'clinician')]) {
      await withPrincipal(ctx.dbs.app, who, async (tx) => {
        expect((await tx.query('SELECT 1 FROM incidents')).rows).toEqual([]);
        expect((await tx.query(`UPDATE feature_switches SET enabled = false WHERE feature = 'booking'`)).rowCount).toBe(0);
        // Recordings past retention and shredding are for the job alone, never a principal.
        expect((await tx.query('SELECT * FROM recordings_past_retention(10)')).rows).toEqual([]);
      });
    }
    await withPrincipal(ctx.dbs.app, principalOf(world.admin, 'clinic_admin'), async (tx) => {
      expect((await tx.query<{ patient_ids: string[] }>('SELECT patient_ids FROM incidents')).rows.length).toBeGreaterThan(0);
    });
  });

  it('property: whatever principal and patient, RLS shows a patient row exactly when the policy would', async () => {
    const everyone = [
      ...world.patients.map((p) => ({ principal: principalOf(p, 'patient', p.patientId), kind: 'patient' as const })),
      ...world.clinicians.map((c) => ({ principal: principalOf(c, 'clinician'), kind: 'clinician' as const })),
      { principal: principalOf(world.admin, 'clinic_admin'), kind: 'admin' as const },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...everyone), fc.constantFrom(...world.patients), async (who, target) => {
        const visible = await withPrincipal(ctx.dbs.app, who.principal, async (tx) =>
          (await tx.query('SELECT id FROM patients WHERE id = $1', [target.patientId])).rows.length === 1,
        );
        const entitled =
          who.kind === 'patient'
            ? who.principal.patientId === target.patientId
            : who.kind === 'clinician'
              ? (world.care.get(who.principal.userId)?.has(target.patientId) ?? false)
              : false;
        expect(visible).toBe(entitled);
      }),
      { numRuns: 60 },
    );
  });
});

/** RLS off needs a connection that can bypass it: on PostgreSQL that is the owner's, so the app is given it. */
function ownerAsApp(dbs: Databases): Databases {
  return { app: dbs.admin, admin: dbs.admin, close: async () => undefined };
}

describe('the policy module alone (RLS off)', () => {
  it('a patient gets 404 for another patient; a clinician lists only patients in their care', async () => {
    const alone = await createTestApp({ faults: { rlsOff: true }, dbs: ownerAsApp(ctx.dbs) });
    try {
      const [a, b] = world.patients;
      expect((await alone.app.inject({ method: 'GET', url: API.patient(b!.patientId), headers: { cookie: `__Host-confide_session=${a!.client.cookie}` } })).statusCode).toBe(404);
      const list = await alone.app.inject({ method: 'GET', url: API.patients, headers: { cookie: `__Host-confide_session=${world.clinicians[0]!.client.cookie}` } });
      expect(list.statusCode).toBe(200);
      expect((list.json() as PatientList).items.map((p) => p.id)).toEqual([world.patients[0]!.patientId]);
    } finally {
      await alone.close();
    }
  });
});

describe('both layers off', () => {
  it('the tripwire still blocks the response and opens an incident naming the patient', async () => {
    const bare = await createTestApp({ faults: { rlsOff: true, policyOff: true }, dbs: ownerAsApp(ctx.dbs) });
    try {
      const [a, b] = world.patients;
      const res = await bare.app.inject({ method: 'GET', url: API.patient(b!.patientId), headers: { cookie: `__Host-confide_session=${a!.client.cookie}` } });
      expect(res.statusCode).toBe(500);
      for (const marker of b!.markers) expect(res.body).not.toContain(marker);
      const { rows } = await ctx.dbs.admin.query<{ patient_ids: string[]; actor_user_id: string }>(
        `SELECT patient_ids, actor_user_id FROM incidents WHERE route = 'GET /api/v1/patients/:patientId' ORDER BY opened_at DESC LIMIT 1`,
      );
      expect(rows[0]).toEqual({ patient_ids: [b!.patientId], actor_user_id: a!.userId });
    } finally {
      await bare.close();
    }
  });

  it('with the tripwire off too, the same request leaks (shows the tests above can fail)', async () => {
    const naked = await createTestApp({ faults: { rlsOff: true, policyOff: true, tripwireOff: true }, dbs: ownerAsApp(ctx.dbs) });
    try {
      const [a, b] = world.patients;
      const res = await naked.app.inject({ method: 'GET', url: API.patient(b!.patientId), headers: { cookie: `__Host-confide_session=${a!.client.cookie}` } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(b!.email);
    } finally {
      await naked.close();
    }
  });
});

// Only a server has a login role distinct from the owner (PGlite's one connection is the owner), so this exists only there.
if (testEngine === 'postgres') {
  describe('the login role on a PostgreSQL server', () => {
    it('holds no privilege until a transaction switches to confide_app, and cannot become a superuser', async () => {
      await expect(ctx.dbs.app.query('SELECT id FROM patients')).rejects.toThrow(/permission denied/);
      await expect(ctx.dbs.app.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
    });
  });
}
