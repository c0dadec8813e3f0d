import { API, type ReplayList } from '@confide/contract';
import type { Principal } from '@confide/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../test/memory-blob-store';
import { createTestApp, type TestContext } from '../../test/test-app';
import { createStaff, registerPatient, startConsultation, type WorldPatient, type WorldStaff } from '../../test/world';
import { consultationRepository, type ConsultationOwner } from '../db/repositories/consultation.repository';
import { withPrincipal } from '../db/with-principal';
import { LocalKeyProvider } from './key-provider';
import { RetentionJob } from './retention';
import { loadSegment, storeSegment } from './segment-sink';

const blobs = new MemoryBlobStore();
const keys = new LocalKeyProvider(Buffer.alloc(32, 5));
let ctx: TestContext;
let gp: WorldStaff;
let patient: WorldPatient;
let other: WorldPatient;

beforeAll(async () => {
  ctx = await createTestApp({ recordings: { blobs, keys } });
  gp = await createStaff(ctx, 'clinician', 'Dr Retention');
  patient = await registerPatient(ctx);
  other = await registerPatient(ctx);
});
afterAll(async () => ctx.close());

const principalOf = (p: WorldPatient): Principal => ({ userId: p.userId, displayName: 'x', role: 'patient', sessionId: '00000000-0000-0000-0000-000000000000', patientId: p.patientId, organisationId: null, mfaSatisfied: true });

/** A consultation with one real encrypted segment of the patient's media; returns its owner and row. */
async function recorded(p: WorldPatient) {
  const { consultationId } = await startConsultation(ctx, p, gp);
  const owner: ConsultationOwner = { consultationId, patientId: p.patientId, clinicianId: gp.userId };
  const row = await storeSegment(
    { blobs, keys, commit: (s) => withPrincipal(ctx.dbs.app, principalOf(p), (tx) => consultationRepository.addSegment(tx, owner, s)) },
    owner,
    { participant: 'patient', seq: 0, hasAudio: true, hasVideo: false, startedAt: new Date(), endedAt: new Date(Date.now() + 5000), bytes: Buffer.from('WEBM media of this consultation') },
  );
  return { owner, row, ciphertext: Buffer.from(blobs.blobs.get(row.blobKey)!) };
}

async function wrappedKey(segmentId: string): Promise<string | null> {
  const { rows } = await ctx.dbs.admin.query<{ wrapped_key: string | null }>('SELECT wrapped_key FROM recording_segments WHERE id = $1', [segmentId]);
  return rows[0]!.wrapped_key;
}

describe('erasure at the patient’s request', () => {
  it('crypto-shreds the recording: the key is destroyed, the blob deleted, a copy of the ciphertext undecryptable, and it is audited', async () => {
    const { owner, row, ciphertext } = await recorded(patient);
    expect((await loadSegment({ blobs, keys }, owner, row)).toString()).toBe('WEBM media of this consultation');
    expect((await other.client.post(API.consultationReplayErase(owner.consultationId))).status).toBe(404);
    expect((await gp.client.post(API.consultationReplayErase(owner.consultationId))).status).toBe(403);

    const res = await patient.client.post(API.consultationReplayErase(owner.consultationId));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ erasedSegments: 1 });
    expect(await wrappedKey(row.id)).toBeNull();
    expect(blobs.blobs.has(row.blobKey)).toBe(false);
    // Even a copy of the ciphertext taken before (a backup) cannot be decrypted: the only key is gone.
    const copy = new MemoryBlobStore();
    copy.blobs.set(row.blobKey, ciphertext);
    await expect(loadSegment({ blobs: copy, keys }, owner, { ...row, wrappedKey: (await wrappedKey(row.id)) ?? '' })).rejects.toThrow();
    expect(((await patient.client.get(API.myReplays)).body as ReplayList).items.map((r) => r.consultationId)).not.toContain(owner.consultationId);
    const { rows } = await ctx.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'deleted' AND resource_type = 'recording' AND resource_id = $1 AND patient_id = $2`,
      [owner.consultationId, patient.patientId],
    );
    expect(rows[0]!.n).toBe(1);
    expect((await patient.client.post(API.consultationReplayErase(owner.consultationId))).status).toBe(404);
  });

  it('is refused, with a plain explanation, where the clinic must keep recordings', async () => {
    const keeping = await createTestApp({ dbs: ctx.dbs, recordings: { blobs, keys }, env: { RECORDING_ERASURE: 'refused' } });
    try {
      const { owner, row } = await recorded(patient);
      const res = await keeping.app.inject({ method: 'POST', url: API.consultationReplayErase(owner.consultationId), payload: {}, headers: { cookie: `__Host-confide_session=${patient.client.cookie}`, 'x-csrf-token': patient.client.csrfToken! } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'erasure_refused' });
      expect(await wrappedKey(row.id)).not.toBeNull();
    } finally {
      await keeping.close();
    }
  });
});

describe('the daily retention job', () => {
  it('crypto-shreds recordings past their appointment type’s retention, and only those', async () => {
    const old = await recorded(patient);
    const recent = await recorded(patient);
    await ctx.dbs.admin.query(`UPDATE appointment_types SET recording_retention_days = 30 WHERE code = 'gp-audio'`);
    await ctx.dbs.admin.query(`UPDATE consultations SET ended_at = now() - interval '31 days' WHERE id = $1`, [old.owner.consultationId]);
    await ctx.dbs.admin.query(`UPDATE consultations SET ended_at = now() - interval '29 days' WHERE id = $1`, [recent.owner.consultationId]);
    const job = new RetentionJob(ctx.dbs.app, blobs, ctx.app.log);
    expect(await job.runOnce()).toBe(1);
    expect(await wrappedKey(old.row.id)).toBeNull();
    expect(blobs.blobs.has(old.row.blobKey)).toBe(false);
    await expect(loadSegment({ blobs, keys }, old.owner, old.row)).rejects.toThrow();
    expect((await loadSegment({ blobs, keys }, recent.owner, recent.row)).toString()).toBe('WEBM media of this consultation');
    const { rows } = await ctx.dbs.admin.query<{ actor_user_id: string | null; detail: { reason: string } }>(
      `SELECT actor_user_id, detail FROM audit_events WHERE action = 'deleted' AND resource_id = $1`,
      [old.owner.consultationId],
    );
    expect(rows).toEqual([{ actor_user_id: null, detail: expect.objectContaining({ reason: 'retention period ended', cryptoShredded: true }) }]);
    expect(await job.runOnce()).toBe(0);
    await ctx.dbs.admin.query(`UPDATE appointment_types SET recording_retention_days = 3650 WHERE code = 'gp-audio'`);
  });
});
