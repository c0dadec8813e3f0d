import type { Participant } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';
import type { ConsultationOwner } from './consultation.repository';

/** A participant's composed replay track (see recordings/replay-composer.ts). */
export interface ReplayTrackRow {
  id: string;
  participant: Participant;
  sourceSegments: number;
  sourceLastSeq: number;
  hasVideo: boolean;
  durationMs: number;
  blobKey: string;
  wrappedKey: string;
  kekId: string;
  plaintextBytes: number;
  storedBytes: number;
}

/** What a participant's composed track must be made from now: their stored segments' count and last number. */
export interface TrackSource {
  participant: Participant;
  segments: number;
  lastSeq: number;
}

export interface ViewingRow extends ConsultationOwner {
  viewingId: string;
  viewerUserId: string;
  breakGlass: boolean;
  durationMs: number;
  linkExpiresAt: Date;
}

const LINK_MINUTES = 5;

/** Replay tracks and viewings, as row-level security lets the principal see and write them. */
export const replayPlaybackRepository = {
  /** The unshredded segments behind each participant's recording of a consultation. */
  async sources(tx: PrincipalTx, consultationId: string): Promise<TrackSource[]> {
    const { rows } = await tx.query<{ participant: Participant; n: number; last_seq: number }>(
      `SELECT participant, count(*)::int AS n, max(seq)::int AS last_seq FROM recording_segments
       WHERE consultation_id = $1 AND shredded_at IS NULL GROUP BY participant ORDER BY participant`,
      [consultationId],
    );
    return rows.map((r) => ({ participant: r.participant, segments: r.n, lastSeq: r.last_seq }));
  },

  async tracks(tx: PrincipalTx, consultationId: string, faults: { replayMediaMixup?: boolean } = {}): Promise<ReplayTrackRow[]> {
    const { rows } = await tx.query<{
      id: string; participant: Participant; source_segments: number; source_last_seq: number; has_video: boolean; duration_ms: number;
      blob_key: string; wrapped_key: string; kek_id: string; plaintext_bytes: string; stored_bytes: string;
    }>(
      // The fault reproduces a mis-assigned recording: the newest tracks, whichever consultation they belong to.
      `SELECT * FROM replay_tracks WHERE shredded_at IS NULL AND ($2::boolean OR consultation_id = $1)
       ORDER BY created_at DESC LIMIT CASE WHEN $2::boolean THEN 2 ELSE 10 END`,
      [consultationId, Boolean(faults.replayMediaMixup)],
    );
    return rows.map((r) => ({
      id: r.id, participant: r.participant, sourceSegments: r.source_segments, sourceLastSeq: r.source_last_seq, hasVideo: r.has_video,
      durationMs: r.duration_ms, blobKey: r.blob_key, wrappedKey: r.wrapped_key, kekId: r.kek_id,
      plaintextBytes: Number(r.plaintext_bytes), storedBytes: Number(r.stored_bytes),
    }));
  },

  /** Serialises composing with shredding for one consultation (see replay_tracks_shred). */
  async lock(tx: PrincipalTx, consultationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('replay:' || $1::text, 0))`, [consultationId]);
  },

  async addTrack(tx: PrincipalTx, owner: ConsultationOwner, t: ReplayTrackRow): Promise<void> {
    await tx.query(
      `INSERT INTO replay_tracks (id, consultation_id, patient_id, clinician_user_id, participant, source_segments, source_last_seq,
         has_video, duration_ms, blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [t.id, owner.consultationId, owner.patientId, owner.clinicianId, t.participant, t.sourceSegments, t.sourceLastSeq,
        t.hasVideo, t.durationMs, t.blobKey, t.wrappedKey, t.kekId, t.plaintextBytes, t.storedBytes],
    );
  },

  /** Destroys a stale track's key; returns its blob to delete. */
  async retireTrack(tx: PrincipalTx, trackId: string): Promise<string | null> {
    const { rows } = await tx.query<{ blob_key: string }>(
      'UPDATE replay_tracks SET wrapped_key = NULL, shredded_at = now() WHERE id = $1 AND shredded_at IS NULL RETURNING blob_key',
      [trackId],
    );
    return rows[0]?.blob_key ?? null;
  },

  /** Crypto-shreds every composed track of a consultation (erasure, retention); returns the blobs to delete. */
  async shredTracks(tx: { query: PrincipalTx['query'] }, consultationId: string): Promise<string[]> {
    const { rows } = await tx.query<{ blob_key: string }>('SELECT replay_tracks_shred($1) AS blob_key', [consultationId]);
    return rows.map((r) => r.blob_key);
  },

  async startViewing(
    tx: PrincipalTx, owner: ConsultationOwner,
    v: { breakGlass: boolean; durationMs: number; patientTrackBytes: number; clinicianTrackBytes: number; linkHash: Buffer },
  ): Promise<{ id: string; linkExpiresAt: Date }> {
    const { rows } = await tx.query<{ id: string; link_expires_at: Date }>(
      `INSERT INTO replay_viewings (consultation_id, patient_id, clinician_user_id, viewer_user_id, session_id, break_glass, duration_ms,
         patient_track_bytes, clinician_track_bytes, link_hash, link_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + make_interval(mins => ${LINK_MINUTES}))
       RETURNING id, link_expires_at`,
      [owner.consultationId, owner.patientId, owner.clinicianId, tx.principal.userId, tx.principal.sessionId, v.breakGlass,
        v.durationMs, v.patientTrackBytes, v.clinicianTrackBytes, v.linkHash],
    );
    return { id: rows[0]!.id, linkExpiresAt: rows[0]!.link_expires_at };
  },

  /** A new link for the viewer's own viewing, in the same session; the old link stops working at once. */
  async renewLink(tx: PrincipalTx, viewingId: string, consultationId: string, linkHash: Buffer): Promise<{ linkExpiresAt: Date; breakGlass: boolean; durationMs: number } | null> {
    const { rows } = await tx.query<{ link_expires_at: Date; break_glass: boolean; duration_ms: number }>(
      `UPDATE replay_viewings SET link_hash = $3, link_issued_at = now(), link_expires_at = now() + make_interval(mins => ${LINK_MINUTES})
       WHERE id = $1 AND consultation_id = $2 AND viewer_user_id = $4 AND session_id = $5
       RETURNING link_expires_at, break_glass, duration_ms`,
      [viewingId, consultationId, linkHash, tx.principal.userId, tx.principal.sessionId],
    );
    const r = rows[0];
    return r ? { linkExpiresAt: r.link_expires_at, breakGlass: r.break_glass, durationMs: r.duration_ms } : null;
  },

  /** The viewing a media link opens: only the caller's own, in this session, before the link expires. */
  async byLink(tx: PrincipalTx, linkHash: Buffer): Promise<ViewingRow | null> {
    const { rows } = await tx.query<{
      id: string; consultation_id: string; patient_id: string; clinician_user_id: string; viewer_user_id: string;
      break_glass: boolean; duration_ms: number; link_expires_at: Date;
    }>(
      `SELECT id, consultation_id, patient_id, clinician_user_id, viewer_user_id, break_glass, duration_ms, link_expires_at
       FROM replay_viewings
       WHERE link_hash = $1 AND viewer_user_id = $2 AND session_id = $3 AND link_expires_at > now()`,
      [linkHash, tx.principal.userId, tx.principal.sessionId],
    );
    const r = rows[0];
    return r
      ? {
          viewingId: r.id, consultationId: r.consultation_id, patientId: r.patient_id, clinicianId: r.clinician_user_id,
          viewerUserId: r.viewer_user_id, breakGlass: r.break_glass, durationMs: r.duration_ms, linkExpiresAt: r.link_expires_at,
        }
      : null;
  },

  /** Adds plaintext bytes [start, end) of a participant's track to what this viewing was served. */
  async addServed(tx: PrincipalTx, viewingId: string, participant: Participant, start: number, end: number): Promise<void> {
    const column = participant === 'patient' ? 'served_patient' : 'served_clinician';
    await tx.query(
      `UPDATE replay_viewings SET ${column} = ${column} + int8multirange(int8range($2, $3)), bytes_served = bytes_served + ($3 - $2)
       WHERE id = $1 AND viewer_user_id = $4`,
      [viewingId, start, end, tx.principal.userId],
    );
  },
};
