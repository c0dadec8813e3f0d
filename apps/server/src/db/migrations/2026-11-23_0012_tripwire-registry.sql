-- The tripwire's table of patient-data ids, as data: a new patient-data table registers itself here (one row), and
-- tripwire_owners() reads every registered table, instead of each migration rewriting the function. The RLS lint test
-- fails if a table with an id and a patient_id is neither registered nor exempted with a reason.
CREATE TABLE tripwire_owned (
  kind text PRIMARY KEY,
  table_name regclass NOT NULL UNIQUE,
  id_column name NOT NULL,
  patient_column name NOT NULL
);
ALTER TABLE tripwire_owned ENABLE ROW LEVEL SECURITY;
ALTER TABLE tripwire_owned FORCE ROW LEVEL SECURITY;
-- Read only by tripwire_owners() (SECURITY DEFINER); the app role has no grant and no policy.

INSERT INTO tripwire_owned (kind, table_name, id_column, patient_column) VALUES
  ('patient', 'patients', 'id', 'id'),
  ('appointment', 'appointments', 'id', 'patient_id'),
  ('consultation', 'consultations', 'id', 'patient_id'),
  ('recording-segment', 'recording_segments', 'id', 'patient_id'),
  ('replay-track', 'replay_tracks', 'id', 'patient_id'),
  ('replay-viewing', 'replay_viewings', 'id', 'patient_id'),
  ('consultation-message', 'consultation_messages', 'id', 'patient_id'),
  ('payment', 'payments', 'id', 'patient_id'),
  ('membership', 'patient_memberships', 'id', 'patient_id'),
  ('triage-session', 'triage_sessions', 'id', 'patient_id');

CREATE OR REPLACE FUNCTION tripwire_owners(p_ids uuid[]) RETURNS TABLE (kind text, id uuid, patient_id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    q text;
  BEGIN
    -- One query over every registered table (a UNION ALL of indexed lookups), planned once per call.
    SELECT string_agg(format('SELECT %L::text, x.%I, x.%I FROM %s x WHERE x.%I = ANY($1)', o.kind, o.id_column, o.patient_column, o.table_name, o.id_column), ' UNION ALL ' ORDER BY o.kind)
      INTO q FROM tripwire_owned o;
    RETURN QUERY EXECUTE q USING p_ids;
  END
  $$;
