import type { ChatMessage, ConsultationNotes, Participant, SavedConsultationNotes } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';

/**
 * Who a consultation belongs to, read once from its row when a participant joins. Every write about the
 * consultation (recording segments, chat, notes) carries all three ids, and a composite foreign key makes them
 * agree with the row: nothing downstream chooses an owner.
 */
export interface ConsultationOwner {
  readonly consultationId: string;
  readonly patientId: string;
  readonly clinicianId: string;
}

export interface ConsultationRecord extends ConsultationOwner {
  appointmentId: string;
  mode: 'audio' | 'video';
  startedAt: string;
  endedAt: string | null;
  patientName: string;
  clinicianName: string;
}

export interface SegmentRow {
  id: string;
  participant: Participant;
  seq: number;
  hasAudio: boolean;
  hasVideo: boolean;
  startedAt: Date;
  endedAt: Date;
  blobKey: string;
  wrappedKey: string;
  kekId: string;
  plaintextBytes: number;
  storedBytes: number;
}

/** Consultations and what hangs off them, as row-level security lets the principal see them. */
export const consultationRepository = {
  async find(tx: PrincipalTx, id: string): Promise<ConsultationRecord | null> {
    const { rows } = await tx.query<{
      id: string; appointment_id: string; patient_id: string; clinician_user_id: string; mode: 'audio' | 'video';
      started_at: Date; ended_at: Date | null; patient_name: string | null; clinician_name: string | null;
    }>(
      `SELECT c.id, c.appointment_id, c.patient_id, c.clinician_user_id, c.mode, c.started_at, c.ended_at,
              p.given_name || ' ' || p.family_name AS patient_name, u.display_name AS clinician_name
       FROM consultations c LEFT JOIN patients p ON p.id = c.patient_id LEFT JOIN users u ON u.id = c.clinician_user_id
       WHERE c.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      consultationId: r.id, appointmentId: r.appointment_id, patientId: r.patient_id, clinicianId: r.clinician_user_id, mode: r.mode,
      startedAt: r.started_at.toISOString(), endedAt: r.ended_at?.toISOString() ?? null,
      patientName: r.patient_name ?? 'Patient', clinicianName: r.clinician_name ?? 'Clinician',
    };
  },

  /** Who owns a consultation the caller may not see: for the policy's decision and the audit of a denial only. */
  async ownerOf(tx: PrincipalTx, id: string): Promise<{ patientId: string; clinicianId: string } | null> {
    const { rows } = await tx.query<{ patient_id: string; clinician_user_id: string }>('SELECT patient_id, clinician_user_id FROM consultation_owner($1)', [id]);
    return rows[0] ? { patientId: rows[0].patient_id, clinicianId: rows[0].clinician_user_id } : null;
  },

  async chat(tx: PrincipalTx, owner: ConsultationOwner): Promise<ChatMessage[]> {
    const { rows } = await tx.query<{ id: string; sender_user_id: string; sender_name: string | null; body: string; sent_at: Date }>(
      `SELECT m.id, m.sender_user_id, u.display_name AS sender_name, m.body, m.sent_at
       FROM consultation_messages m LEFT JOIN users u ON u.id = m.sender_user_id
       WHERE m.consultation_id = $1 ORDER BY m.sent_at, m.id`,
      [owner.consultationId],
    );
    return rows.map((r) => ({
      id: r.id,
      from: r.sender_user_id === owner.clinicianId ? 'clinician' : 'patient',
      senderName: r.sender_name ?? (r.sender_user_id === owner.clinicianId ? 'Clinician' : 'Patient'),
      text: r.body,
      sentAt: r.sent_at.toISOString(),
    }));
  },

  async addChat(tx: PrincipalTx, owner: ConsultationOwner, text: string): Promise<{ id: string; sentAt: string }> {
    const { rows } = await tx.query<{ id: string; sent_at: Date }>(
      `INSERT INTO consultation_messages (consultation_id, patient_id, clinician_user_id, sender_user_id, body)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, sent_at`,
      [owner.consultationId, owner.patientId, owner.clinicianId, tx.principal.userId, text],
    );
    return { id: rows[0]!.id, sentAt: rows[0]!.sent_at.toISOString() };
  },

  async summary(tx: PrincipalTx, consultationId: string): Promise<string | null> {
    const { rows } = await tx.query<{ body: string }>('SELECT body FROM consultation_summaries WHERE consultation_id = $1', [consultationId]);
    return rows[0]?.body ?? null;
  },

  async notes(tx: PrincipalTx, consultationId: string): Promise<SavedConsultationNotes | null> {
    const { rows } = await tx.query<{ subjective: string; objective: string; assessment: string; plan: string; outcomes: string[]; updated_at: Date }>(
      'SELECT subjective, objective, assessment, plan, outcomes, updated_at FROM consultation_notes WHERE consultation_id = $1',
      [consultationId],
    );
    const r = rows[0];
    if (!r) return null;
    return { subjective: r.subjective, objective: r.objective, assessment: r.assessment, plan: r.plan, outcomes: r.outcomes as SavedConsultationNotes['outcomes'], patientSummary: '', updatedAt: r.updated_at.toISOString() };
  },

  async saveNotes(tx: PrincipalTx, owner: ConsultationOwner, n: ConsultationNotes): Promise<void> {
    await tx.query(
      `INSERT INTO consultation_notes (consultation_id, patient_id, clinician_user_id, subjective, objective, assessment, plan, outcomes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (consultation_id) DO UPDATE SET subjective = EXCLUDED.subjective, objective = EXCLUDED.objective,
         assessment = EXCLUDED.assessment, plan = EXCLUDED.plan, outcomes = EXCLUDED.outcomes, updated_at = now()`,
      [owner.consultationId, owner.patientId, owner.clinicianId, n.subjective, n.objective, n.assessment, n.plan, n.outcomes],
    );
  },

  /** Shares (or, when empty, withdraws nothing and shares nothing new) the summary for the patient. */
  async shareSummary(tx: PrincipalTx, owner: ConsultationOwner, body: string): Promise<void> {
    await tx.query(
      `INSERT INTO consultation_summaries (consultation_id, patient_id, clinician_user_id, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (consultation_id) DO UPDATE SET body = EXCLUDED.body, shared_at = now()`,
      [owner.consultationId, owner.patientId, owner.clinicianId, body],
    );
  },

  async addSegment(tx: PrincipalTx, owner: ConsultationOwner, s: SegmentRow): Promise<void> {
    await tx.query(
      `INSERT INTO recording_segments (id, consultation_id, patient_id, clinician_user_id, participant, seq, has_audio, has_video,
         started_at, ended_at, blob_key, wrapped_key, kek_id, plaintext_bytes, stored_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [s.id, owner.consultationId, owner.patientId, owner.clinicianId, s.participant, s.seq, s.hasAudio, s.hasVideo,
        s.startedAt, s.endedAt, s.blobKey, s.wrappedKey, s.kekId, s.plaintextBytes, s.storedBytes],
    );
  },

  async segments(tx: PrincipalTx, consultationId: string): Promise<(SegmentRow & ConsultationOwner)[]> {
    const { rows } = await tx.query<{
      id: string; consultation_id: string; patient_id: string; clinician_user_id: string; participant: Participant; seq: number;
      has_audio: boolean; has_video: boolean; started_at: Date; ended_at: Date; blob_key: string; wrapped_key: string; kek_id: string;
      plaintext_bytes: string; stored_bytes: string;
    }>('SELECT * FROM recording_segments WHERE consultation_id = $1 ORDER BY participant, seq', [consultationId]);
    return rows.map((r) => ({
      id: r.id, consultationId: r.consultation_id, patientId: r.patient_id, clinicianId: r.clinician_user_id, participant: r.participant, seq: r.seq,
      hasAudio: r.has_audio, hasVideo: r.has_video, startedAt: r.started_at, endedAt: r.ended_at, blobKey: r.blob_key,
      wrappedKey: r.wrapped_key, kekId: r.kek_id, plaintextBytes: Number(r.plaintext_bytes), storedBytes: Number(r.stored_bytes),
    }));
  },

  /** The next free segment number for a participant (a rejoin continues the same recording). */
  async nextSeq(tx: PrincipalTx, consultationId: string, participant: Participant): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT coalesce(max(seq) + 1, 0)::int AS n FROM recording_segments WHERE consultation_id = $1 AND participant = $2',
      [consultationId, participant],
    );
    return rows[0]?.n ?? 0;
  },
};
