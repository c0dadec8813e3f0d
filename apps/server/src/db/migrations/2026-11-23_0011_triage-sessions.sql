-- A signed-in patient's chats with the symptom checker, kept in their record until they delete them. (An anonymous
-- assessment stores nothing.)
CREATE TABLE triage_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 2000),
  age numeric(5, 2) NOT NULL CHECK (age BETWEEN 0 AND 120),
  sex text NOT NULL CHECK (sex IN ('female', 'male')),
  -- The questions asked, in order, with the answers: [{ findingId, question, answer }].
  turns jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(turns) = 'array' AND jsonb_array_length(turns) <= 40),
  result jsonb NOT NULL,
  triage text NOT NULL CHECK (triage IN ('emergency', 'urgent', 'routine', 'pharmacist', 'self_care')),
  summary text NOT NULL CHECK (length(summary) <= 400)
);
CREATE INDEX triage_sessions_patient_idx ON triage_sessions (patient_id, created_at DESC);
ALTER TABLE triage_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE triage_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY triage_sessions_own ON triage_sessions FOR ALL TO confide_app
  USING (patient_id = (SELECT confide_patient_id()))
  WITH CHECK (patient_id = (SELECT confide_patient_id()));
GRANT SELECT, INSERT, DELETE ON triage_sessions TO confide_app;
GRANT UPDATE (updated_at, turns, result, triage, summary) ON triage_sessions TO confide_app;

-- Whose a symptom check is, for auditing a refused attempt against the real patient (RLS hides the row itself).
CREATE FUNCTION triage_session_owner(p_session uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.patient_id FROM triage_sessions t WHERE t.id = p_session AND (SELECT confide_user_id()) IS NOT NULL $$;
REVOKE ALL ON FUNCTION triage_session_owner(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION triage_session_owner(uuid) TO confide_app;

-- The tripwire learns the new ids.
CREATE OR REPLACE FUNCTION tripwire_owners(p_ids uuid[]) RETURNS TABLE (kind text, id uuid, patient_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT 'patient', p.id, p.id FROM patients p WHERE p.id = ANY(p_ids)
    UNION ALL SELECT 'appointment', a.id, a.patient_id FROM appointments a WHERE a.id = ANY(p_ids)
    UNION ALL SELECT 'consultation', c.id, c.patient_id FROM consultations c WHERE c.id = ANY(p_ids)
    UNION ALL SELECT 'recording-segment', s.id, s.patient_id FROM recording_segments s WHERE s.id = ANY(p_ids)
    UNION ALL SELECT 'replay-track', t.id, t.patient_id FROM replay_tracks t WHERE t.id = ANY(p_ids)
    UNION ALL SELECT 'replay-viewing', v.id, v.patient_id FROM replay_viewings v WHERE v.id = ANY(p_ids)
    UNION ALL SELECT 'consultation-message', m.id, m.patient_id FROM consultation_messages m WHERE m.id = ANY(p_ids)
    UNION ALL SELECT 'payment', y.id, y.patient_id FROM payments y WHERE y.id = ANY(p_ids)
    UNION ALL SELECT 'membership', m.id, m.patient_id FROM patient_memberships m WHERE m.id = ANY(p_ids)
    UNION ALL SELECT 'triage-session', t.id, t.patient_id FROM triage_sessions t WHERE t.id = ANY(p_ids)
  $$;
