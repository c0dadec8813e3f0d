import type { TriageResult, TriageSession } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';

interface Row {
  id: string; created_at: Date; updated_at: Date; description: string; age: string; sex: 'female' | 'male';
  turns: TriageSession['turns']; result: TriageResult; summary: string;
}

const toSession = (r: Row): TriageSession => {
  const answers: Record<string, boolean> = {};
  for (const t of r.turns) if (t.answer !== null) answers[t.findingId] = t.answer;
  return {
    id: r.id, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), text: r.description, age: Number(r.age), sex: r.sex,
    answers, turns: r.turns, result: r.result, summary: r.summary,
  };
};

/** A patient's symptom-checker chats, as row-level security lets them see their own. */
export const triageRepository = {
  async create(tx: PrincipalTx, patientId: string, s: { text: string; age: number; sex: 'female' | 'male'; result: TriageResult; summary: string }): Promise<TriageSession> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO triage_sessions (patient_id, description, age, sex, result, triage, summary) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [patientId, s.text, s.age, s.sex, JSON.stringify(s.result), s.result.triage, s.summary],
    );
    return toSession(rows[0]!);
  },

  async find(tx: PrincipalTx, id: string): Promise<(TriageSession & { patientId: string }) | null> {
    const { rows } = await tx.query<Row & { patient_id: string }>('SELECT * FROM triage_sessions WHERE id = $1', [id]);
    return rows[0] ? { ...toSession(rows[0]), patientId: rows[0].patient_id } : null;
  },

  /** Whose a session is, even when RLS hides it (to audit a refused attempt in that patient's history). */
  async ownerOf(tx: PrincipalTx, id: string): Promise<string | null> {
    const { rows } = await tx.query<{ owner: string | null }>('SELECT triage_session_owner($1) AS owner', [id]);
    return rows[0]?.owner ?? null;
  },

  async update(tx: PrincipalTx, id: string, s: { turns: TriageSession['turns']; result: TriageResult; summary: string }): Promise<TriageSession> {
    const { rows } = await tx.query<Row>(
      `UPDATE triage_sessions SET turns = $2, result = $3, triage = $4, summary = $5, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, JSON.stringify(s.turns), JSON.stringify(s.result), s.result.triage, s.summary],
    );
    return toSession(rows[0]!);
  },

  async list(tx: PrincipalTx, patientId: string): Promise<{ id: string; createdAt: string; updatedAt: string; summary: string; triage: TriageResult['triage'] }[]> {
    const { rows } = await tx.query<{ id: string; created_at: Date; updated_at: Date; summary: string; triage: TriageResult['triage'] }>(
      'SELECT id, created_at, updated_at, summary, triage FROM triage_sessions WHERE patient_id = $1 ORDER BY created_at DESC, id DESC LIMIT 100',
      [patientId],
    );
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), summary: r.summary, triage: r.triage }));
  },

  async delete(tx: PrincipalTx, id: string): Promise<boolean> {
    return ((await tx.query('DELETE FROM triage_sessions WHERE id = $1', [id])).rowCount ?? 0) > 0;
  },
};
