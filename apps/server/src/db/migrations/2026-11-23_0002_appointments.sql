-- Appointments: appointment types, clinicians' weekly hours and exceptions, and bookings.
-- A clinician can never be double-booked: an exclusion constraint over their booked time ranges.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Staff are a directory every signed-in person may read (names, roles): patients need to know who they will see.
CREATE POLICY users_select_staff ON users FOR SELECT TO confide_app
  USING (role <> 'patient' AND (SELECT confide_user_id()) IS NOT NULL);

CREATE TABLE appointment_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  profession text NOT NULL CHECK (profession IN ('gp', 'nurse', 'therapist', 'specialist')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
  mode text NOT NULL CHECK (mode IN ('audio', 'video')),
  price_pence integer NOT NULL CHECK (price_pence >= 0),
  active boolean NOT NULL DEFAULT true
);
ALTER TABLE appointment_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_types FORCE ROW LEVEL SECURITY;
CREATE POLICY appointment_types_select ON appointment_types FOR SELECT TO confide_app
  USING ((SELECT confide_user_id()) IS NOT NULL);
CREATE POLICY appointment_types_insert ON appointment_types FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY appointment_types_update ON appointment_types FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT, INSERT, UPDATE ON appointment_types TO confide_app;

INSERT INTO appointment_types (code, name, profession, duration_minutes, mode, price_pence) VALUES
  ('gp-video', 'GP appointment', 'gp', 10, 'video', 4900),
  ('gp-audio', 'GP phone appointment', 'gp', 10, 'audio', 3900),
  ('nurse-audio', 'Nurse phone appointment', 'nurse', 15, 'audio', 2900),
  ('therapy-video', 'Therapy session', 'therapist', 50, 'video', 8500),
  ('specialist-video', 'Specialist consultation', 'specialist', 20, 'video', 12000);

CREATE TABLE availability_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinician_user_id uuid NOT NULL REFERENCES users (id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types (id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  time_zone text NOT NULL DEFAULT 'Europe/London',
  valid_from date NOT NULL,
  valid_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_time > start_time),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX availability_rules_clinician_idx ON availability_rules (clinician_user_id);

CREATE TABLE availability_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinician_user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('leave', 'extra')),
  appointment_type_id uuid REFERENCES appointment_types (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  note text,
  CHECK (ends_at > starts_at),
  CHECK ((kind = 'extra') = (appointment_type_id IS NOT NULL))
);
CREATE INDEX availability_exceptions_clinician_idx ON availability_exceptions (clinician_user_id, starts_at);

-- Hours are public to signed-in people (patients search them); each clinician manages their own.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['availability_rules', 'availability_exceptions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO confide_app USING ((SELECT confide_user_id()) IS NOT NULL)', t || '_select', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO confide_app WITH CHECK (clinician_user_id = (SELECT confide_user_id()) AND (SELECT confide_role()) = %L)', t || '_insert', t, 'clinician');
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO confide_app USING (clinician_user_id = (SELECT confide_user_id()) AND (SELECT confide_role()) = %L)', t || '_delete', t, 'clinician');
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON %I TO confide_app', t);
  END LOOP;
END
$$;

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  clinician_user_id uuid NOT NULL REFERENCES users (id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'booked'
    CHECK (status IN ('booked', 'checked_in', 'in_consultation', 'completed', 'no_show', 'cancelled')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  CHECK (ends_at > starts_at),
  -- No clinician is ever in two appointments at once (and so no slot is booked twice).
  CONSTRAINT appointments_no_double_booking
    EXCLUDE USING gist (clinician_user_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX appointments_patient_idx ON appointments (patient_id, starts_at DESC);
CREATE INDEX appointments_clinician_idx ON appointments (clinician_user_id, starts_at);
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
CREATE POLICY appointments_select ON appointments FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
CREATE POLICY appointments_insert ON appointments FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND status = 'booked');
CREATE POLICY appointments_update ON appointments FOR UPDATE TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())))
  WITH CHECK (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
GRANT SELECT, INSERT ON appointments TO confide_app;
GRANT UPDATE (clinician_user_id, starts_at, ends_at, status, updated_at, cancelled_at) ON appointments TO confide_app;

-- Booking starts a care relationship between the patient and the clinician they booked.
CREATE POLICY care_relationships_insert_by_booking ON care_relationships FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.patient_id = care_relationships.patient_id AND a.clinician_user_id = care_relationships.clinician_user_id
      AND a.status <> 'cancelled'));

-- A new booking reopens a care relationship that had ended.
CREATE POLICY care_relationships_update_by_booking ON care_relationships FOR UPDATE TO confide_app
  USING (patient_id = (SELECT confide_patient_id()))
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND ended_at IS NULL AND EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.patient_id = care_relationships.patient_id AND a.clinician_user_id = care_relationships.clinician_user_id
      AND a.status <> 'cancelled'));

-- When a clinician is busy, without saying with whom: what slot search needs from other patients' bookings.
CREATE FUNCTION clinician_busy(p_clinician uuid, p_from timestamptz, p_to timestamptz)
  RETURNS TABLE (starts_at timestamptz, ends_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT a.starts_at, a.ends_at FROM appointments a
    WHERE (SELECT confide_user_id()) IS NOT NULL
      AND a.clinician_user_id = p_clinician AND a.status <> 'cancelled'
      AND a.starts_at < p_to AND a.ends_at > p_from
  $$;
REVOKE ALL ON FUNCTION clinician_busy(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinician_busy(uuid, timestamptz, timestamptz) TO confide_app;
