-- Consultation Replays' safety net: run-time kill switches, incidents, and the tripwire's independent lookups.

-- Kill switches: a clinic admin turns a capability off; every server polls this table and obeys within seconds.
CREATE TABLE feature_switches (
  feature text PRIMARY KEY CHECK (feature IN ('replays', 'recording', 'booking', 'chat', 'prescribing')),
  enabled boolean NOT NULL DEFAULT true,
  changed_at timestamptz,
  changed_by uuid REFERENCES users (id),
  changed_by_name text,
  reason text
);
INSERT INTO feature_switches (feature) VALUES ('replays'), ('recording'), ('booking'), ('chat'), ('prescribing');
ALTER TABLE feature_switches ENABLE ROW LEVEL SECURITY;
ALTER TABLE feature_switches FORCE ROW LEVEL SECURITY;
CREATE POLICY feature_switches_select ON feature_switches FOR SELECT TO confide_app USING ((SELECT confide_user_id()) IS NOT NULL);
CREATE POLICY feature_switches_update ON feature_switches FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT ON feature_switches TO confide_app;
GRANT UPDATE (enabled, changed_at, changed_by, changed_by_name, reason) ON feature_switches TO confide_app;

-- What each server's poller reads, with no principal (features are not secret).
CREATE FUNCTION feature_switch_state() RETURNS TABLE (feature text, enabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT feature, enabled FROM feature_switches $$;
REVOKE ALL ON FUNCTION feature_switch_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION feature_switch_state() TO confide_app;

-- Incidents: a response that would have exposed a patient's data to someone not entitled to it, blocked.
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('cross_patient_exposure')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_name text,
  actor_role text,
  session_id uuid,
  request_id text,
  route text NOT NULL,
  -- [{ "type": ..., "id": ..., "patientId": ... }]: what the response would have exposed, and whose it is.
  resources jsonb NOT NULL,
  patient_ids uuid[] NOT NULL,
  bytes_served bigint NOT NULL DEFAULT 0,
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  closed_by_name text,
  resolution text
);
CREATE INDEX incidents_open_idx ON incidents (opened_at DESC) WHERE status = 'open';
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE incidents FORCE ROW LEVEL SECURITY;
CREATE POLICY incidents_select ON incidents FOR SELECT TO confide_app USING ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY incidents_update ON incidents FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT ON incidents TO confide_app;
GRANT UPDATE (status, closed_at, closed_by, closed_by_name, resolution) ON incidents TO confide_app;

-- Opens an incident and alerts every clinic admin by email (no patient data in the message). Callable from any
-- request: the tripwire runs on the offending request itself.
CREATE FUNCTION incident_open(p_actor uuid, p_actor_name text, p_actor_role text, p_session uuid, p_request text, p_route text,
                              p_resources jsonb, p_patients uuid[], p_subject text, p_body text)
  RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_id uuid;
  BEGIN
    INSERT INTO incidents (kind, actor_user_id, actor_name, actor_role, session_id, request_id, route, resources, patient_ids)
      VALUES ('cross_patient_exposure', p_actor, p_actor_name, p_actor_role, p_session, p_request, p_route, p_resources, p_patients)
      RETURNING id INTO v_id;
    INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, kind)
      SELECT 'email', u.email, p_subject, replace(p_body, '{incident}', v_id::text), u.id, 'notice'
      FROM users u WHERE u.role = 'clinic_admin';
    RETURN v_id;
  END
  $$;
REVOKE ALL ON FUNCTION incident_open(uuid, text, text, uuid, text, text, jsonb, uuid[], text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incident_open(uuid, text, text, uuid, text, text, jsonb, uuid[], text, text) TO confide_app;

-- The tripwire's first question, answered from the tables themselves and not from the code that built a response:
-- which of these ids are patient data, and whose?
CREATE FUNCTION tripwire_owners(p_ids uuid[]) RETURNS TABLE (kind text, id uuid, patient_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT 'patient', p.id, p.id FROM patients p WHERE p.id = ANY(p_ids)
    UNION ALL SELECT 'appointment', a.id, a.patient_id FROM appointments a WHERE a.id = ANY(p_ids)
    UNION ALL SELECT 'consultation', c.id, c.patient_id FROM consultations c WHERE c.id = ANY(p_ids)
    UNION ALL SELECT 'recording-segment', s.id, s.patient_id FROM recording_segments s WHERE s.id = ANY(p_ids)
    UNION ALL SELECT 'consultation-message', m.id, m.patient_id FROM consultation_messages m WHERE m.id = ANY(p_ids)
    UNION ALL SELECT 'payment', y.id, y.patient_id FROM payments y WHERE y.id = ANY(p_ids)
    UNION ALL SELECT 'membership', m.id, m.patient_id FROM patient_memberships m WHERE m.id = ANY(p_ids)
  $$;

-- The second question, by its own rules (not the policy module's): which of these patients may this caller see?
-- A patient: themselves. A clinician: patients in their active care, or with an appointment with them. A clinic
-- admin: only the patients named in incidents (incident response lists their ids, never their records).
CREATE FUNCTION tripwire_entitled(p_user uuid, p_role text, p_patient uuid, p_patients uuid[]) RETURNS TABLE (patient_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT x FROM unnest(p_patients) AS x
    WHERE (p_role = 'patient' AND x = p_patient)
       OR (p_role = 'clinician' AND (
             EXISTS (SELECT 1 FROM care_relationships c WHERE c.patient_id = x AND c.clinician_user_id = p_user AND c.ended_at IS NULL)
             OR EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = x AND a.clinician_user_id = p_user)))
       OR (p_role = 'clinic_admin' AND EXISTS (SELECT 1 FROM incidents i WHERE x = ANY (i.patient_ids)))
  $$;
REVOKE ALL ON FUNCTION tripwire_owners(uuid[]), tripwire_entitled(uuid, text, uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tripwire_owners(uuid[]), tripwire_entitled(uuid, text, uuid, uuid[]) TO confide_app;
