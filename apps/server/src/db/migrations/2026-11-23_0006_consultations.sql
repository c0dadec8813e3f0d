-- Consultations: the call's recording segments, in-call chat, and the clinician's notes.
-- Everything that belongs to a consultation names its consultation, patient AND clinician, and a composite foreign
-- key makes the three agree with the consultation row: a segment, message or note cannot be written for one
-- consultation and another consultation's patient. (The reference breach attached recordings to the wrong patients.)

ALTER TABLE consultations ADD CONSTRAINT consultations_owners UNIQUE (id, patient_id, clinician_user_id);

-- Whose consultation this is, for the policy module to judge (and audit) an attempt on one that row-level security
-- hides from the caller. Never returned to a client.
CREATE FUNCTION consultation_owner(p_consultation uuid) RETURNS TABLE (patient_id uuid, clinician_user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.patient_id, c.clinician_user_id FROM consultations c
        WHERE c.id = p_consultation AND (SELECT confide_user_id()) IS NOT NULL $$;
REVOKE ALL ON FUNCTION consultation_owner(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consultation_owner(uuid) TO confide_app;

-- How long after a consultation ends its last recording segments and chat may still be committed.
CREATE FUNCTION consultation_writable(p_consultation uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM consultations c WHERE c.id = p_consultation
                       AND (c.ended_at IS NULL OR c.ended_at > now() - interval '2 minutes')) $$;

-- One encrypted piece of one participant's media (a few seconds of WebM). Written by the participant's own
-- connection, as that principal; the owners come from the consultation row, never from the media path.
CREATE TABLE recording_segments (
  id uuid PRIMARY KEY,
  consultation_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  participant text NOT NULL CHECK (participant IN ('patient', 'clinician')),
  seq integer NOT NULL CHECK (seq >= 0),
  has_audio boolean NOT NULL,
  has_video boolean NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  blob_key text NOT NULL UNIQUE,
  -- The segment's data key, wrapped by the key-encryption key named by kek_id. Never stored unwrapped.
  wrapped_key text NOT NULL,
  kek_id text NOT NULL,
  plaintext_bytes bigint NOT NULL CHECK (plaintext_bytes >= 0),
  stored_bytes bigint NOT NULL CHECK (stored_bytes >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at >= started_at),
  UNIQUE (consultation_id, participant, seq),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
CREATE INDEX recording_segments_patient_idx ON recording_segments (patient_id, started_at);
ALTER TABLE recording_segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE recording_segments FORCE ROW LEVEL SECURITY;
CREATE POLICY recording_segments_select ON recording_segments FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
-- Each participant writes only their own media, into their own consultation, while it is open.
CREATE POLICY recording_segments_insert ON recording_segments FOR INSERT TO confide_app
  WITH CHECK (consultation_writable(consultation_id) AND (
    (participant = 'patient' AND patient_id = (SELECT confide_patient_id()))
    OR (participant = 'clinician' AND (SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))));
GRANT SELECT, INSERT ON recording_segments TO confide_app;

-- In-call text chat, kept with the consultation.
CREATE TABLE consultation_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  sender_user_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  sent_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
CREATE INDEX consultation_messages_consultation_idx ON consultation_messages (consultation_id, sent_at);
ALTER TABLE consultation_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultation_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY consultation_messages_select ON consultation_messages FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
CREATE POLICY consultation_messages_insert ON consultation_messages FOR INSERT TO confide_app
  WITH CHECK (sender_user_id = (SELECT confide_user_id()) AND consultation_writable(consultation_id) AND (
    patient_id = (SELECT confide_patient_id())
    OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))));
GRANT SELECT, INSERT ON consultation_messages TO confide_app;

-- The clinician's notes (SOAP) and outcome: clinical record, for the clinician who held the consultation.
CREATE TABLE consultation_notes (
  consultation_id uuid PRIMARY KEY,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  subjective text NOT NULL DEFAULT '' CHECK (length(subjective) <= 10000),
  objective text NOT NULL DEFAULT '' CHECK (length(objective) <= 10000),
  assessment text NOT NULL DEFAULT '' CHECK (length(assessment) <= 10000),
  plan text NOT NULL DEFAULT '' CHECK (length(plan) <= 10000),
  outcomes text[] NOT NULL DEFAULT '{}' CHECK (outcomes <@ ARRAY['advice', 'prescription', 'referral', 'follow-up']),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
-- What the clinician shares with the patient after the call.
CREATE TABLE consultation_summaries (
  consultation_id uuid PRIMARY KEY,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  shared_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consultation_notes', 'consultation_summaries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR INSERT TO confide_app
      WITH CHECK ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))$p$, t || '_insert', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO confide_app
      USING ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
      WITH CHECK ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))$p$, t || '_update', t);
    EXECUTE format('GRANT SELECT, INSERT ON %I TO confide_app', t);
  END LOOP;
END
$$;
CREATE POLICY consultation_notes_select ON consultation_notes FOR SELECT TO confide_app
  USING ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()));
GRANT UPDATE (subjective, objective, assessment, plan, outcomes, updated_at) ON consultation_notes TO confide_app;
CREATE POLICY consultation_summaries_select ON consultation_summaries FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
GRANT UPDATE (body, shared_at) ON consultation_summaries TO confide_app;
