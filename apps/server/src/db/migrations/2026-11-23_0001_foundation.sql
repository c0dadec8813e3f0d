-- Confide foundation: roles, principal accessors, identity, care relationships, sessions, outbox, audit log.
-- Every table has row-level security enabled AND forced, with its policies beside it. The application queries
-- only as confide_app (NOLOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing) with the principal set per transaction.

DO $$
BEGIN
  CREATE ROLE confide_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- Roles are cluster-wide: another database on this server made it already.
END
$$;
GRANT USAGE ON SCHEMA public TO confide_app;

-- The principal, as set by withPrincipal() with set_config(..., true). Unset means NULL: policies fail closed.
CREATE FUNCTION confide_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('confide.user_id', true), '')::uuid $$;
CREATE FUNCTION confide_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('confide.role', true), '') $$;
CREATE FUNCTION confide_patient_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('confide.patient_id', true), '')::uuid $$;
CREATE FUNCTION confide_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('confide.org_id', true), '')::uuid $$;

-- Organisations: the clinic, pharmacies and partners (insurers, employers). A public directory, not patient data.
CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('clinic', 'pharmacy', 'partner')),
  name text NOT NULL,
  ods_code text UNIQUE,
  partner_type text CHECK (partner_type IN ('insurer', 'employer')),
  address text,
  postcode text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'partner') = (partner_type IS NOT NULL))
);
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY organisations_select ON organisations FOR SELECT TO confide_app USING (true);
CREATE POLICY organisations_insert ON organisations FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY organisations_update ON organisations FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT, INSERT, UPDATE ON organisations TO confide_app;

-- Accounts. Credentials are readable only through the narrow SECURITY DEFINER functions below.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('patient', 'clinician', 'pharmacist', 'partner_admin', 'clinic_admin')),
  display_name text NOT NULL,
  organisation_id uuid REFERENCES organisations (id),
  totp_secret text,
  totp_pending_secret text,
  totp_enrolled_at timestamptz,
  totp_last_step bigint,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_select ON users FOR SELECT TO confide_app
  USING (id = (SELECT confide_user_id()) OR ((SELECT confide_role()) = 'clinic_admin' AND role <> 'patient'));
CREATE POLICY users_insert ON users FOR INSERT TO confide_app
  WITH CHECK ((id = (SELECT confide_user_id()) AND role = 'patient')
              OR ((SELECT confide_role()) = 'clinic_admin' AND role <> 'patient'));
CREATE POLICY users_update ON users FOR UPDATE TO confide_app
  USING (id = (SELECT confide_user_id())) WITH CHECK (id = (SELECT confide_user_id()));
-- Column grants: the app can never read a password hash or an active TOTP secret, nor change a role or email.
GRANT SELECT (id, email, role, display_name, organisation_id, totp_pending_secret, totp_enrolled_at, totp_last_step, created_at, updated_at)
  ON users TO confide_app;
GRANT INSERT (id, email, password_hash, role, display_name, organisation_id) ON users TO confide_app;
GRANT UPDATE (display_name, totp_secret, totp_pending_secret, totp_enrolled_at, totp_last_step, failed_login_count, locked_until, updated_at)
  ON users TO confide_app;

CREATE TABLE patients (
  id uuid PRIMARY KEY,
  user_id uuid UNIQUE REFERENCES users (id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  date_of_birth date NOT NULL,
  email text NOT NULL,
  mobile text NOT NULL,
  postcode text NOT NULL,
  -- Not unique: a clash must not tell a registrant that someone else holds a number; duplicates are reconciled by staff.
  nhs_number text CHECK (nhs_number ~ '^[0-9]{10}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_nhs_number_idx ON patients (nhs_number);

CREATE TABLE staff_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  profession text CHECK (profession IN ('gp', 'nurse', 'therapist', 'specialist')),
  registration_number text,
  CHECK ((profession IS NULL) = (registration_number IS NULL))
);
ALTER TABLE staff_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_profiles FORCE ROW LEVEL SECURITY;
-- Professional registration is public information: any signed-in person may see who their clinician is.
CREATE POLICY staff_profiles_select ON staff_profiles FOR SELECT TO confide_app
  USING ((SELECT confide_user_id()) IS NOT NULL);
CREATE POLICY staff_profiles_insert ON staff_profiles FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY staff_profiles_update ON staff_profiles FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT, INSERT, UPDATE ON staff_profiles TO confide_app;

-- Which clinician may see which patient. Later capabilities (booking, consultations) create these.
CREATE TABLE care_relationships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinician_user_id uuid NOT NULL REFERENCES users (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  reason text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  UNIQUE (clinician_user_id, patient_id)
);
CREATE INDEX care_relationships_patient_idx ON care_relationships (patient_id);
ALTER TABLE care_relationships ENABLE ROW LEVEL SECURITY;
ALTER TABLE care_relationships FORCE ROW LEVEL SECURITY;
CREATE POLICY care_relationships_select ON care_relationships FOR SELECT TO confide_app
  USING (clinician_user_id = (SELECT confide_user_id())
         OR patient_id = (SELECT confide_patient_id())
         OR (SELECT confide_role()) = 'clinic_admin');
CREATE POLICY care_relationships_insert ON care_relationships FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY care_relationships_update ON care_relationships FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin') WITH CHECK ((SELECT confide_role()) = 'clinic_admin');
GRANT SELECT, INSERT, UPDATE ON care_relationships TO confide_app;

ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
ALTER TABLE patients FORCE ROW LEVEL SECURITY;
CREATE POLICY patients_select ON patients FOR SELECT TO confide_app
  USING (id = (SELECT confide_patient_id())
         OR ((SELECT confide_role()) = 'clinician' AND EXISTS (
               SELECT 1 FROM care_relationships c
               WHERE c.patient_id = patients.id AND c.clinician_user_id = (SELECT confide_user_id()) AND c.ended_at IS NULL)));
CREATE POLICY patients_insert ON patients FOR INSERT TO confide_app
  WITH CHECK (id = (SELECT confide_patient_id()) AND user_id = (SELECT confide_user_id()));
CREATE POLICY patients_update ON patients FOR UPDATE TO confide_app
  USING (id = (SELECT confide_patient_id())) WITH CHECK (id = (SELECT confide_patient_id()));
GRANT SELECT, INSERT ON patients TO confide_app;
GRANT UPDATE (email, mobile, postcode, updated_at) ON patients TO confide_app;

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  mfa_satisfied boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_select ON sessions FOR SELECT TO confide_app USING (user_id = (SELECT confide_user_id()));
CREATE POLICY sessions_insert ON sessions FOR INSERT TO confide_app WITH CHECK (user_id = (SELECT confide_user_id()));
CREATE POLICY sessions_update ON sessions FOR UPDATE TO confide_app
  USING (user_id = (SELECT confide_user_id())) WITH CHECK (user_id = (SELECT confide_user_id()));
GRANT SELECT, INSERT ON sessions TO confide_app;
GRANT UPDATE (mfa_satisfied, revoked_at) ON sessions TO confide_app;

-- Password reset tokens: reachable only through the SECURITY DEFINER functions; no grants, no policies.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;

-- Messages waiting to be sent (email, SMS). A worker sends them; in development admins can read them.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  recipient_user_id uuid REFERENCES users (id),
  -- Whose data the message carries, when the recipient is a patient (for the audit of who saw it).
  patient_id uuid REFERENCES patients (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_select ON outbox_messages FOR SELECT TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin');
CREATE POLICY outbox_insert ON outbox_messages FOR INSERT TO confide_app
  WITH CHECK (recipient_user_id = (SELECT confide_user_id()) OR (SELECT confide_role()) = 'clinic_admin');
GRANT SELECT, INSERT ON outbox_messages TO confide_app;

-- The audit log: append-only and hash-chained. Each entry's id is its place in the chain, given under a lock on
-- the chain head, so ids have no gaps and a deleted, altered or reordered entry breaks the chain.
CREATE TABLE audit_events (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_role text,
  actor_name text,
  action text NOT NULL CHECK (action IN ('presented', 'viewed', 'created', 'updated', 'deleted', 'denied', 'login', 'login_failed', 'logout')),
  resource_type text NOT NULL,
  resource_id text,
  patient_id uuid,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  ip text,
  session_id uuid,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_patient_idx ON audit_events (patient_id, id DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, id DESC);

CREATE TABLE audit_chain_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, repeat('0', 64));
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;

-- The canonical text of an entry, hashed with the previous entry's hash. audit-chain.ts recomputes it independently.
CREATE FUNCTION audit_entry_hash(e audit_events) RETURNS text LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$
    SELECT encode(sha256(convert_to(concat_ws(chr(31),
      e.prev_hash, e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.actor_name, ''),
      e.action, e.resource_type, coalesce(e.resource_id, ''), coalesce(e.patient_id::text, ''), e.outcome,
      coalesce(e.ip, ''), coalesce(e.session_id::text, ''), coalesce(e.request_id, ''), e.detail::text), 'UTF8')), 'hex')
  $$;

CREATE FUNCTION audit_chain_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  DECLARE
    head audit_chain_head%ROWTYPE;
  BEGIN
    SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
    NEW.id := head.last_id + 1;
    NEW.at := now();
    NEW.prev_hash := head.last_hash;
    NEW.hash := audit_entry_hash(NEW);
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_chain_append();

CREATE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_events_select ON audit_events FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id()) OR (SELECT confide_role()) = 'clinic_admin');
CREATE POLICY audit_events_insert ON audit_events FOR INSERT TO confide_app
  WITH CHECK (actor_user_id IS NOT DISTINCT FROM (SELECT confide_user_id()));
GRANT SELECT, INSERT ON audit_events TO confide_app;

-- The chain head, for verification by a clinic admin through the app role (the table itself has no grants).
CREATE FUNCTION audit_chain_head_state() RETURNS TABLE (last_id bigint, last_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT last_id, last_hash FROM audit_chain_head WHERE (SELECT confide_role()) = 'clinic_admin' OR (SELECT confide_role()) IS NULL $$;
REVOKE ALL ON FUNCTION audit_chain_head_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_chain_head_state() TO confide_app;

-- Authentication before a principal exists: narrow SECURITY DEFINER functions, the only way to read credentials.
CREATE FUNCTION auth_credentials(p_email text)
  RETURNS TABLE (user_id uuid, password_hash text, role text, display_name text, patient_id uuid, organisation_id uuid,
                 totp_secret text, totp_last_step bigint, locked_until timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT u.id, u.password_hash, u.role, u.display_name, p.id, u.organisation_id,
           CASE WHEN u.totp_enrolled_at IS NOT NULL THEN u.totp_secret END, u.totp_last_step, u.locked_until
    FROM users u LEFT JOIN patients p ON p.user_id = u.id
    WHERE u.email = lower(p_email)
  $$;

CREATE FUNCTION auth_note_login_failure(p_user_id uuid, p_threshold integer, p_lock_minutes integer)
  RETURNS timestamptz LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE users SET
      failed_login_count = CASE WHEN failed_login_count + 1 >= p_threshold THEN 0 ELSE failed_login_count + 1 END,
      locked_until = CASE WHEN failed_login_count + 1 >= p_threshold
                          THEN now() + make_interval(mins => p_lock_minutes) ELSE locked_until END
    WHERE id = p_user_id
    RETURNING locked_until
  $$;

CREATE FUNCTION auth_session_lookup(p_token_hash text, p_idle_minutes integer)
  RETURNS TABLE (session_id uuid, user_id uuid, role text, display_name text, patient_id uuid, organisation_id uuid,
                 mfa_satisfied boolean, csrf_token text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE sessions s SET last_seen_at = now()
    FROM users u LEFT JOIN patients p ON p.user_id = u.id
    WHERE s.token_hash = p_token_hash AND u.id = s.user_id
      AND s.revoked_at IS NULL AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => p_idle_minutes)
    RETURNING s.id, u.id, u.role, u.display_name, p.id, u.organisation_id, s.mfa_satisfied, s.csrf_token
  $$;

CREATE FUNCTION auth_password_reset_request(p_email text, p_token_hash text, p_ttl_minutes integer,
                                            p_subject text, p_body text)
  RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_user users%ROWTYPE;
  BEGIN
    SELECT * INTO v_user FROM users WHERE email = lower(p_email);
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    INSERT INTO password_resets (token_hash, user_id, expires_at)
      VALUES (p_token_hash, v_user.id, now() + make_interval(mins => p_ttl_minutes));
    INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, patient_id)
      VALUES ('email', v_user.email, p_subject, replace(p_body, '{name}', v_user.display_name), v_user.id,
              (SELECT p.id FROM patients p WHERE p.user_id = v_user.id));
    RETURN v_user.id;
  END
  $$;

CREATE FUNCTION auth_password_reset_complete(p_token_hash text, p_password_hash text)
  RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_user_id uuid;
  BEGIN
    UPDATE password_resets SET used_at = now()
      WHERE token_hash = p_token_hash AND used_at IS NULL AND expires_at > now()
      RETURNING user_id INTO v_user_id;
    IF v_user_id IS NULL THEN
      RETURN NULL;
    END IF;
    UPDATE users SET password_hash = p_password_hash, failed_login_count = 0, locked_until = NULL, updated_at = now()
      WHERE id = v_user_id;
    UPDATE sessions SET revoked_at = now() WHERE user_id = v_user_id AND revoked_at IS NULL;
    RETURN v_user_id;
  END
  $$;

REVOKE ALL ON FUNCTION auth_credentials(text), auth_note_login_failure(uuid, integer, integer),
  auth_session_lookup(text, integer), auth_password_reset_request(text, text, integer, text, text),
  auth_password_reset_complete(text, text), audit_chain_append() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_credentials(text), auth_note_login_failure(uuid, integer, integer),
  auth_session_lookup(text, integer), auth_password_reset_request(text, text, integer, text, text),
  auth_password_reset_complete(text, text) TO confide_app;
