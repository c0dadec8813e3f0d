-- The waiting room: patients check in shortly before their time; the clinician admits them, which creates the
-- consultation record that the call (and its recording) attach to. The consultation's owners — patient, clinician,
-- appointment — are fixed here, once, and nothing later may change them.

ALTER TABLE appointments ADD COLUMN checked_in_at timestamptz;
GRANT UPDATE (checked_in_at) ON appointments TO confide_app;

CREATE TABLE consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL UNIQUE REFERENCES appointments (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  clinician_user_id uuid NOT NULL REFERENCES users (id),
  mode text NOT NULL CHECK (mode IN ('audio', 'video')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE INDEX consultations_patient_idx ON consultations (patient_id, started_at DESC);
CREATE INDEX consultations_clinician_idx ON consultations (clinician_user_id, started_at DESC);
ALTER TABLE consultations ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultations FORCE ROW LEVEL SECURITY;
CREATE POLICY consultations_select ON consultations FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
-- Only the appointment's own clinician creates it, and only with that appointment's patient.
CREATE POLICY consultations_insert ON consultations FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()) AND EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.id = consultations.appointment_id AND a.patient_id = consultations.patient_id
      AND a.clinician_user_id = consultations.clinician_user_id));
CREATE POLICY consultations_update ON consultations FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
  WITH CHECK ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()));
GRANT SELECT, INSERT ON consultations TO confide_app;
-- Owners are immutable: only the end time may change.
GRANT UPDATE (ended_at) ON consultations TO confide_app;
