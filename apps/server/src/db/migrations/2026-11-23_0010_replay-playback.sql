-- Replay playback: each participant's segments composed into one seekable track (encrypted like the segments),
-- and viewings: one per playback, with its single-session media link and the byte ranges actually served.

-- A participant's whole recording of a consultation, composed from their segments once the consultation has ended.
CREATE TABLE replay_tracks (
  id uuid PRIMARY KEY,
  consultation_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  participant text NOT NULL CHECK (participant IN ('patient', 'clinician')),
  -- What it was composed from: a track is stale (and replaced) when the participant's stored segments differ.
  source_segments integer NOT NULL CHECK (source_segments > 0),
  source_last_seq integer NOT NULL,
  has_video boolean NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  blob_key text NOT NULL UNIQUE,
  wrapped_key text,
  kek_id text NOT NULL,
  plaintext_bytes bigint NOT NULL,
  stored_bytes bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  shredded_at timestamptz,
  CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL)),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
CREATE UNIQUE INDEX replay_tracks_current ON replay_tracks (consultation_id, participant) WHERE shredded_at IS NULL;
CREATE INDEX replay_tracks_patient_idx ON replay_tracks (patient_id);
ALTER TABLE replay_tracks ENABLE ROW LEVEL SECURITY;
ALTER TABLE replay_tracks FORCE ROW LEVEL SECURITY;
-- Seen as the recording is: by its patient, its clinician, or a holder of break-glass access to the patient.
CREATE POLICY replay_tracks_select ON replay_tracks FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
         OR break_glass_active(patient_id));
-- Composed by whoever first plays it, only for an ended consultation the caller can see (consultations' own RLS).
CREATE POLICY replay_tracks_insert ON replay_tracks FOR INSERT TO confide_app
  WITH CHECK (EXISTS (SELECT 1 FROM consultations c
                      WHERE c.id = consultation_id AND c.patient_id = replay_tracks.patient_id
                        AND c.clinician_user_id = replay_tracks.clinician_user_id AND c.ended_at IS NOT NULL));
-- The only change: a stale or erased track's key destroyed.
CREATE POLICY replay_tracks_shred ON replay_tracks FOR UPDATE TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
         OR break_glass_active(patient_id))
  WITH CHECK (wrapped_key IS NULL AND shredded_at IS NOT NULL);
GRANT SELECT, INSERT ON replay_tracks TO confide_app;
GRANT UPDATE (wrapped_key, shredded_at) ON replay_tracks TO confide_app;

-- One playback of a recording: who, in which session, the current media link (its hash; ≤ 5 minutes), and the
-- plaintext byte ranges of each participant's track actually served, so "who saw how much of what" is exact.
CREATE TABLE replay_viewings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  viewer_user_id uuid NOT NULL REFERENCES users (id),
  session_id uuid NOT NULL,
  break_glass boolean NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  -- Each participant's track size when the viewing began (0: no track), to tell how much of it was served.
  patient_track_bytes bigint NOT NULL,
  clinician_track_bytes bigint NOT NULL,
  link_hash bytea NOT NULL UNIQUE CHECK (length(link_hash) = 32),
  link_issued_at timestamptz NOT NULL DEFAULT now(),
  link_expires_at timestamptz NOT NULL,
  served_patient int8multirange NOT NULL DEFAULT '{}',
  served_clinician int8multirange NOT NULL DEFAULT '{}',
  bytes_served bigint NOT NULL DEFAULT 0,
  CHECK (link_expires_at > link_issued_at AND link_expires_at <= link_issued_at + interval '5 minutes'),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
CREATE INDEX replay_viewings_patient_idx ON replay_viewings (patient_id, started_at DESC);
ALTER TABLE replay_viewings ENABLE ROW LEVEL SECURITY;
ALTER TABLE replay_viewings FORCE ROW LEVEL SECURITY;
-- The viewer (their own viewings) and the patient whose recording it is (their access history).
CREATE POLICY replay_viewings_select ON replay_viewings FOR SELECT TO confide_app
  USING (viewer_user_id = (SELECT confide_user_id()) OR patient_id = (SELECT confide_patient_id()));
-- A viewing is started by the caller, in their own session, of a consultation they can see.
CREATE POLICY replay_viewings_insert ON replay_viewings FOR INSERT TO confide_app
  WITH CHECK (viewer_user_id = (SELECT confide_user_id())
              AND session_id = nullif(current_setting('confide.session_id', true), '')::uuid
              AND EXISTS (SELECT 1 FROM consultations c WHERE c.id = consultation_id AND c.patient_id = replay_viewings.patient_id
                            AND c.clinician_user_id = replay_viewings.clinician_user_id));
-- Only its viewer renews the link or accumulates what was served, and only in the session it was started in.
CREATE POLICY replay_viewings_update ON replay_viewings FOR UPDATE TO confide_app
  USING (viewer_user_id = (SELECT confide_user_id()) AND session_id = nullif(current_setting('confide.session_id', true), '')::uuid)
  WITH CHECK (viewer_user_id = (SELECT confide_user_id()));
GRANT SELECT, INSERT ON replay_viewings TO confide_app;
GRANT UPDATE (link_hash, link_issued_at, link_expires_at, served_patient, served_clinician, bytes_served) ON replay_viewings TO confide_app;

-- Retention and erasure destroy composed tracks with the segments they came from. Called by the retention job (no
-- principal) or by the patient whose recording it is; composition takes the same lock, so a track can never be
-- composed from a segment being shredded.
CREATE FUNCTION replay_tracks_shred(p_consultation uuid) RETURNS SETOF text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('replay:' || p_consultation::text, 0));
    RETURN QUERY
      UPDATE replay_tracks t SET wrapped_key = NULL, shredded_at = now()
      WHERE t.consultation_id = p_consultation AND t.shredded_at IS NULL
        AND ((SELECT confide_user_id()) IS NULL OR t.patient_id = (SELECT confide_patient_id()))
      RETURNING t.blob_key;
  END
  $$;
REVOKE ALL ON FUNCTION replay_tracks_shred(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION replay_tracks_shred(uuid) TO confide_app;

-- The tripwire learns the new ids: a track or a viewing belongs to its patient.
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
  $$;
