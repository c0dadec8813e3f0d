-- E-prescribing: the patient's allergies and current medicines, the pharmacy directory and postcodes, the patient's
-- nominated pharmacy, prescribers' signing keys, signed prescriptions and their dispensing, and repeat requests.
-- Prescriptions, allergies, medicines, nominations and repeat requests are patient data: forced RLS with the principal
-- per transaction, the policy module in code, the tripwire on the way out.

-- ---- Step-up: when the person last confirmed their second factor in this session (signing needs it within 5 min) ----
ALTER TABLE sessions ADD COLUMN second_factor_at timestamptz;
GRANT UPDATE (second_factor_at) ON sessions TO confide_app;

CREATE FUNCTION second_factor_fresh() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM sessions s WHERE s.id = nullif(current_setting('confide.session_id', true), '')::uuid AND s.user_id = (SELECT confide_user_id())
                       AND s.second_factor_at > now() - interval '5 minutes') $$;

-- The caller's own enrolled TOTP secret, to confirm a code again (step-up); never anyone else's.
CREATE FUNCTION second_factor_secret() RETURNS TABLE (totp_secret text, totp_last_step bigint, locked_until timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.totp_secret, u.totp_last_step, u.locked_until FROM users u
        WHERE u.id = nullif(current_setting('confide.user_id', true), '')::uuid AND u.totp_enrolled_at IS NOT NULL $$;
REVOKE ALL ON FUNCTION second_factor_secret() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION second_factor_secret() TO confide_app;

-- ---- Pharmacy directory: pharmacies are organisations (their pharmacists belong to them) with a place and hours ----
ALTER TABLE organisations ADD COLUMN phone text;
ALTER TABLE organisations ADD COLUMN latitude double precision CHECK (latitude BETWEEN 49 AND 61);
ALTER TABLE organisations ADD COLUMN longitude double precision CHECK (longitude BETWEEN -9 AND 2.5);
ALTER TABLE organisations ADD COLUMN opening_hours jsonb;
ALTER TABLE organisations ADD CONSTRAINT organisations_place CHECK ((latitude IS NULL) = (longitude IS NULL));
-- Nearest search narrows by a latitude band first, then by distance.
CREATE INDEX organisations_pharmacy_place_idx ON organisations (latitude, longitude) WHERE kind = 'pharmacy' AND latitude IS NOT NULL;

-- Postcode → coordinates (a public reference table, loadable from CSV, e.g. ONS Postcode Directory extracts).
CREATE TABLE postcodes (
  postcode text PRIMARY KEY CHECK (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
  latitude double precision NOT NULL CHECK (latitude BETWEEN 49 AND 61),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -9 AND 2.5)
);
ALTER TABLE postcodes ENABLE ROW LEVEL SECURITY;
ALTER TABLE postcodes FORCE ROW LEVEL SECURITY;
CREATE POLICY postcodes_select ON postcodes FOR SELECT TO confide_app USING (true);
CREATE POLICY postcodes_insert ON postcodes FOR INSERT TO confide_app WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY postcodes_update ON postcodes FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT, INSERT, UPDATE ON postcodes TO confide_app;
GRANT UPDATE (name, address, postcode, phone, latitude, longitude, opening_hours) ON organisations TO confide_app;

-- ---- The patient's clinical record: allergies and current medicines ----
-- Read by the patient and by clinicians caring for them (or holding one of their consultations); written by those clinicians.
CREATE FUNCTION clinician_treats(p_patient uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT (SELECT confide_role()) = 'clinician' AND (
           EXISTS (SELECT 1 FROM care_relationships c WHERE c.patient_id = p_patient AND c.clinician_user_id = (SELECT confide_user_id()) AND c.ended_at IS NULL)) $$;

CREATE TABLE patient_allergies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  substance text NOT NULL CHECK (length(substance) BETWEEN 2 AND 80),
  reaction text NOT NULL CHECK (length(reaction) BETWEEN 2 AND 200),
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  removed_by uuid REFERENCES users (id),
  removed_at timestamptz,
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE INDEX patient_allergies_patient_idx ON patient_allergies (patient_id);

CREATE TABLE patient_medicines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  medicine_id text NOT NULL,
  dose text NOT NULL CHECK (length(dose) BETWEEN 2 AND 500),
  source text NOT NULL CHECK (source IN ('recorded', 'prescribed')),
  recorded_by uuid NOT NULL REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  stopped_by uuid REFERENCES users (id),
  stopped_at timestamptz,
  CHECK ((stopped_at IS NULL) = (stopped_by IS NULL))
);
CREATE INDEX patient_medicines_patient_idx ON patient_medicines (patient_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['patient_allergies', 'patient_medicines'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO confide_app
      USING (patient_id = (SELECT confide_patient_id()) OR clinician_treats(patient_id))$p$, t || '_select', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR INSERT TO confide_app
      WITH CHECK (clinician_treats(patient_id) AND recorded_by = (SELECT confide_user_id()))$p$, t || '_insert', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO confide_app
      USING (clinician_treats(patient_id)) WITH CHECK (clinician_treats(patient_id))$p$, t || '_update', t);
    EXECUTE format('GRANT SELECT, INSERT ON %I TO confide_app', t);
  END LOOP;
END
$$;
GRANT UPDATE (removed_by, removed_at) ON patient_allergies TO confide_app;
GRANT UPDATE (stopped_by, stopped_at) ON patient_medicines TO confide_app;

-- ---- The patient's nominated pharmacy (one, changeable at any time) ----
CREATE TABLE pharmacy_nominations (
  patient_id uuid PRIMARY KEY REFERENCES patients (id),
  pharmacy_id uuid NOT NULL REFERENCES organisations (id),
  nominated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE pharmacy_nominations ENABLE ROW LEVEL SECURITY;
ALTER TABLE pharmacy_nominations FORCE ROW LEVEL SECURITY;
-- The patient, and the clinician of one of their consultations (to send a prescription there).
CREATE POLICY pharmacy_nominations_select ON pharmacy_nominations FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND EXISTS (
               SELECT 1 FROM consultations c WHERE c.patient_id = pharmacy_nominations.patient_id AND c.clinician_user_id = (SELECT confide_user_id()))));
CREATE POLICY pharmacy_nominations_insert ON pharmacy_nominations FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()));
CREATE POLICY pharmacy_nominations_update ON pharmacy_nominations FOR UPDATE TO confide_app
  USING (patient_id = (SELECT confide_patient_id())) WITH CHECK (patient_id = (SELECT confide_patient_id()));
GRANT SELECT, INSERT ON pharmacy_nominations TO confide_app;
GRANT UPDATE (pharmacy_id, nominated_at) ON pharmacy_nominations TO confide_app;

-- ---- Prescribers' signing keys: ECDSA P-256; the public half is readable by anyone signed in (pharmacies verify) ----
CREATE TABLE prescriber_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  algorithm text NOT NULL CHECK (algorithm = 'ES256'),
  public_jwk jsonb NOT NULL,
  -- The private key, wrapped by the key provider (AES-256-GCM under a key the database never sees).
  wrapped_private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX prescriber_keys_one_per_user ON prescriber_keys (user_id);
ALTER TABLE prescriber_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE prescriber_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY prescriber_keys_select ON prescriber_keys FOR SELECT TO confide_app USING ((SELECT confide_user_id()) IS NOT NULL);
CREATE POLICY prescriber_keys_insert ON prescriber_keys FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinician' AND user_id = (SELECT confide_user_id()));
GRANT SELECT (id, user_id, algorithm, public_jwk, created_at), INSERT ON prescriber_keys TO confide_app;
-- The caller's own wrapped private key: only the prescriber's own transaction reads it.
CREATE FUNCTION prescriber_private_key() RETURNS TABLE (id uuid, wrapped_private_key text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT k.id, k.wrapped_private_key FROM prescriber_keys k
        WHERE k.user_id = nullif(current_setting('confide.user_id', true), '')::uuid
          AND current_setting('confide.role', true) = 'clinician' $$;
REVOKE ALL ON FUNCTION prescriber_private_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION prescriber_private_key() TO confide_app;

-- ---- Prescriptions ----
CREATE TABLE prescriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 100 random bits in Crockford base32: the pharmacy's reference; unguessable and unique.
  token text NOT NULL UNIQUE CHECK (token ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
  consultation_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  clinician_user_id uuid NOT NULL,
  pharmacy_id uuid NOT NULL REFERENCES organisations (id),
  medicine_id text NOT NULL,
  -- The medicine as prescribed and signed (name, strength, form): a later formulary change does not alter it.
  medicine jsonb NOT NULL,
  doses_per_time numeric NOT NULL CHECK (doses_per_time > 0),
  times_per_day integer NOT NULL CHECK (times_per_day BETWEEN 1 AND 24),
  duration_days integer NOT NULL CHECK (duration_days BETWEEN 1 AND 366),
  quantity numeric NOT NULL CHECK (quantity > 0),
  instructions text NOT NULL CHECK (length(instructions) BETWEEN 3 AND 500),
  repeatable boolean NOT NULL,
  repeat_of uuid REFERENCES prescriptions (id),
  -- The alerts shown at signing, each with the prescriber's reason for going on.
  overridden_alerts jsonb NOT NULL DEFAULT '[]',
  -- The signed prescription: a compact JWS (ES256) over its canonical content, and the key that signed it.
  jws text NOT NULL,
  signing_key_id uuid NOT NULL REFERENCES prescriber_keys (id),
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'received', 'dispensed', 'partly-dispensed', 'collected', 'cancelled')),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  received_at timestamptz,
  dispensed_at timestamptz,
  dispensed_quantity numeric CHECK (dispensed_quantity > 0),
  dispensed_by uuid REFERENCES users (id),
  collected_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text CHECK (length(cancel_reason) BETWEEN 3 AND 500),
  CHECK (expires_at > issued_at),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  FOREIGN KEY (consultation_id, patient_id, clinician_user_id) REFERENCES consultations (id, patient_id, clinician_user_id)
);
CREATE INDEX prescriptions_patient_idx ON prescriptions (patient_id, issued_at DESC);
CREATE INDEX prescriptions_pharmacy_idx ON prescriptions (pharmacy_id, issued_at DESC);
CREATE INDEX prescriptions_consultation_idx ON prescriptions (consultation_id);
ALTER TABLE prescriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE prescriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY prescriptions_select ON prescriptions FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
         OR ((SELECT confide_role()) = 'pharmacist' AND pharmacy_id = (SELECT confide_org_id())));
-- Only the consultation's clinician issues, and only with a second factor confirmed in this session in the last 5 minutes.
CREATE POLICY prescriptions_insert ON prescriptions FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()) AND second_factor_fresh()
              AND status = 'issued');
-- The prescriber (to cancel) and the pharmacy it was sent to (to receive, dispense, mark collected).
CREATE POLICY prescriptions_update ON prescriptions FOR UPDATE TO confide_app
  USING (((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
         OR ((SELECT confide_role()) = 'pharmacist' AND pharmacy_id = (SELECT confide_org_id())))
  WITH CHECK (((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
              OR ((SELECT confide_role()) = 'pharmacist' AND pharmacy_id = (SELECT confide_org_id())));
GRANT SELECT, INSERT ON prescriptions TO confide_app;
-- The signed content never changes; only the dispensing state does.
GRANT UPDATE (status, received_at, dispensed_at, dispensed_quantity, dispensed_by, collected_at, cancelled_at, cancel_reason) ON prescriptions TO confide_app;

-- Who a prescription is for, as a prescription shows it: name, date of birth and NHS number, never contact details.
-- For the callers who may see the prescription itself (the rule of prescriptions_select, restated because this reads
-- patients as the owner): its patient, its prescriber, the pharmacy it was sent to.
CREATE FUNCTION prescription_patient(p_prescription uuid) RETURNS TABLE (name text, date_of_birth date, nhs_number text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.given_name || ' ' || p.family_name, p.date_of_birth, p.nhs_number
    FROM prescriptions rx JOIN patients p ON p.id = rx.patient_id
    WHERE rx.id = p_prescription AND (
         rx.patient_id = nullif(current_setting('confide.patient_id', true), '')::uuid
      OR (current_setting('confide.role', true) = 'clinician' AND rx.clinician_user_id = nullif(current_setting('confide.user_id', true), '')::uuid)
      OR (current_setting('confide.role', true) = 'pharmacist' AND rx.pharmacy_id = nullif(current_setting('confide.org_id', true), '')::uuid))
  $$;
REVOKE ALL ON FUNCTION prescription_patient(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION prescription_patient(uuid) TO confide_app;

-- Whose prescription an id is, for auditing a refused attempt against its real patient (nothing else is revealed).
CREATE FUNCTION prescription_owner(p_id uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT patient_id FROM prescriptions WHERE id = p_id $$;
REVOKE ALL ON FUNCTION prescription_owner(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION prescription_owner(uuid) TO confide_app;

-- ---- Repeat requests: the patient asks; the original prescriber approves (a new signed prescription) or declines ----
CREATE TABLE repeat_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  prescription_id uuid NOT NULL REFERENCES prescriptions (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  clinician_user_id uuid NOT NULL REFERENCES users (id),
  note text CHECK (length(note) <= 500),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decision_reason text CHECK (length(decision_reason) BETWEEN 3 AND 500),
  new_prescription_id uuid REFERENCES prescriptions (id),
  CHECK ((status = 'requested') = (decided_at IS NULL)),
  CHECK ((status = 'approved') = (new_prescription_id IS NOT NULL))
);
-- One open request per prescription.
CREATE UNIQUE INDEX repeat_requests_open ON repeat_requests (prescription_id) WHERE status = 'requested';
CREATE INDEX repeat_requests_patient_idx ON repeat_requests (patient_id, requested_at DESC);
CREATE INDEX repeat_requests_clinician_idx ON repeat_requests (clinician_user_id, requested_at DESC);
ALTER TABLE repeat_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE repeat_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY repeat_requests_select ON repeat_requests FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id())));
-- The patient asks about their own prescription, addressed to the clinician who wrote it.
CREATE POLICY repeat_requests_insert ON repeat_requests FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND status = 'requested' AND EXISTS (
    SELECT 1 FROM prescriptions rx WHERE rx.id = repeat_requests.prescription_id AND rx.patient_id = repeat_requests.patient_id
      AND rx.clinician_user_id = repeat_requests.clinician_user_id AND rx.repeatable));
CREATE POLICY repeat_requests_update ON repeat_requests FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()))
  WITH CHECK ((SELECT confide_role()) = 'clinician' AND clinician_user_id = (SELECT confide_user_id()));
GRANT SELECT, INSERT ON repeat_requests TO confide_app;
GRANT UPDATE (status, decided_at, decision_reason, new_prescription_id) ON repeat_requests TO confide_app;

-- ---- The tripwire checks these ids in every response ----
INSERT INTO tripwire_owned (kind, table_name, id_column, patient_column) VALUES
  ('prescription', 'prescriptions', 'id', 'patient_id'),
  ('repeat-request', 'repeat_requests', 'id', 'patient_id'),
  ('allergy', 'patient_allergies', 'id', 'patient_id'),
  ('current-medicine', 'patient_medicines', 'id', 'patient_id');

-- A pharmacist is entitled to a patient's data only through a prescription sent to their own pharmacy.
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
       OR (p_role = 'pharmacist' AND EXISTS (
             SELECT 1 FROM prescriptions rx JOIN users u ON u.id = p_user
             WHERE rx.patient_id = x AND rx.pharmacy_id = u.organisation_id))
  $$;

-- Tells a patient about their prescription (sent, ready to collect, cancelled, a repeat decided) through the outbox.
-- The caller must be the prescription's prescriber or its pharmacy; the address is looked up here and never returned.
CREATE FUNCTION prescription_notify(p_prescription uuid, p_subject text, p_body text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_role text := current_setting('confide.role', true);
    v_user uuid := nullif(current_setting('confide.user_id', true), '')::uuid;
    v_org uuid := nullif(current_setting('confide.org_id', true), '')::uuid;
  BEGIN
    INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, patient_id, kind)
      SELECT 'email', p.email, p_subject, p_body, p.user_id, p.id, 'notice'
      FROM prescriptions rx JOIN patients p ON p.id = rx.patient_id
      WHERE rx.id = p_prescription AND p.user_id IS NOT NULL
        AND ((v_role = 'clinician' AND rx.clinician_user_id = v_user) OR (v_role = 'pharmacist' AND rx.pharmacy_id = v_org));
    IF NOT FOUND THEN
      RAISE EXCEPTION 'not entitled to notify about this prescription' USING ERRCODE = '42501';
    END IF;
  END
  $$;
REVOKE ALL ON FUNCTION prescription_notify(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION prescription_notify(uuid, text, text) TO confide_app;

CREATE FUNCTION repeat_request_owner(p_id uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT patient_id FROM repeat_requests WHERE id = p_id $$;
REVOKE ALL ON FUNCTION repeat_request_owner(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION repeat_request_owner(uuid) TO confide_app;
