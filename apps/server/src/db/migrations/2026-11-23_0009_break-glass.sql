-- Break-glass: a clinician without a care relationship, or a clinic admin, may open a patient's recordings only by
-- declaring a reason. The access lasts 30 minutes, alerts the clinic admins, and is shown to the patient.

CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  granted_to uuid NOT NULL REFERENCES users (id),
  granted_to_name text NOT NULL,
  granted_to_role text NOT NULL CHECK (granted_to_role IN ('clinician', 'clinic_admin')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > created_at AND expires_at <= created_at + interval '30 minutes')
);
CREATE INDEX break_glass_grants_grantee_idx ON break_glass_grants (granted_to, expires_at);
CREATE INDEX break_glass_grants_patient_idx ON break_glass_grants (patient_id, created_at DESC);
ALTER TABLE break_glass_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE break_glass_grants FORCE ROW LEVEL SECURITY;
CREATE POLICY break_glass_grants_select ON break_glass_grants FOR SELECT TO confide_app
  USING (granted_to = (SELECT confide_user_id()) OR patient_id = (SELECT confide_patient_id()) OR (SELECT confide_role()) = 'clinic_admin');
GRANT SELECT ON break_glass_grants TO confide_app;
-- Granted only through break_glass_open(), which takes the grantee from the principal and alerts the admins.

-- Opens break-glass access for the calling clinician or clinic admin; NULL if there is no such patient.
CREATE FUNCTION break_glass_open(p_patient uuid, p_reason text, p_subject text, p_body text)
  RETURNS TABLE (id uuid, expires_at timestamptz)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_user uuid := (SELECT confide_user_id());
    v_role text := (SELECT confide_role());
    v_grant break_glass_grants%ROWTYPE;
  BEGIN
    IF v_user IS NULL OR v_role NOT IN ('clinician', 'clinic_admin') THEN
      RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = p_patient) THEN
      RETURN;
    END IF;
    INSERT INTO break_glass_grants (patient_id, granted_to, granted_to_name, granted_to_role, reason, expires_at)
      SELECT p_patient, v_user, u.display_name, v_role, p_reason, now() + interval '30 minutes' FROM users u WHERE u.id = v_user
      RETURNING * INTO v_grant;
    INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, kind)
      SELECT 'email', a.email, p_subject, replace(p_body, '{name}', v_grant.granted_to_name), a.id, 'notice'
      FROM users a WHERE a.role = 'clinic_admin';
    RETURN QUERY SELECT v_grant.id, v_grant.expires_at;
  END
  $$;
REVOKE ALL ON FUNCTION break_glass_open(uuid, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION break_glass_open(uuid, text, text, text) TO confide_app;

-- Whether the caller holds break-glass access to this patient now (read under the caller's own RLS).
CREATE FUNCTION break_glass_active(p_patient uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM break_glass_grants g
                       WHERE g.patient_id = p_patient AND g.granted_to = (SELECT confide_user_id()) AND g.expires_at > now()) $$;

CREATE POLICY consultations_select_break_glass ON consultations FOR SELECT TO confide_app USING (break_glass_active(patient_id));
CREATE POLICY recording_segments_select_break_glass ON recording_segments FOR SELECT TO confide_app USING (break_glass_active(patient_id));

-- The tripwire's own rules learn break-glass too: an active grant entitles its holder to that patient's recordings.
CREATE OR REPLACE FUNCTION tripwire_entitled(p_user uuid, p_role text, p_patient uuid, p_patients uuid[]) RETURNS TABLE (patient_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT x FROM unnest(p_patients) AS x
    WHERE (p_role = 'patient' AND x = p_patient)
       OR (p_role = 'clinician' AND (
             EXISTS (SELECT 1 FROM care_relationships c WHERE c.patient_id = x AND c.clinician_user_id = p_user AND c.ended_at IS NULL)
             OR EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = x AND a.clinician_user_id = p_user)))
       OR (p_role = 'clinic_admin' AND EXISTS (SELECT 1 FROM incidents i WHERE x = ANY (i.patient_ids)))
       OR (p_role IN ('clinician', 'clinic_admin') AND EXISTS (
             SELECT 1 FROM break_glass_grants g WHERE g.patient_id = x AND g.granted_to = p_user AND g.expires_at > now()))
  $$;
