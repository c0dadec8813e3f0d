-- Prescribers' signing keys can be replaced (rotated) by the prescriber, and revoked by a clinic admin when a key
-- may be compromised. A replaced key still verifies what it signed; a revoked key verifies nothing that has not yet
-- been dispensed, so the pharmacy is told not to dispense and the prescriber issues it again.

ALTER TABLE prescriber_keys
  ADD COLUMN retired_at timestamptz,
  ADD COLUMN revoked_at timestamptz,
  ADD COLUMN revoked_by uuid REFERENCES users (id),
  ADD COLUMN revoked_reason text CHECK (length(revoked_reason) BETWEEN 3 AND 500),
  ADD CONSTRAINT prescriber_keys_revoked_is_retired CHECK (revoked_at IS NULL OR retired_at IS NOT NULL),
  ADD CONSTRAINT prescriber_keys_revocation_complete
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoked_reason IS NULL));

-- Many keys over time, one in use.
DROP INDEX prescriber_keys_one_per_user;
CREATE UNIQUE INDEX prescriber_keys_one_current_per_user ON prescriber_keys (user_id) WHERE retired_at IS NULL;

-- Retiring and revoking are one-way: once set, neither is changed or undone, by anyone.
CREATE FUNCTION prescriber_keys_one_way() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.retired_at IS NOT NULL AND NEW.retired_at IS DISTINCT FROM OLD.retired_at)
     OR (OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at
                                         OR NEW.revoked_by IS DISTINCT FROM OLD.revoked_by
                                         OR NEW.revoked_reason IS DISTINCT FROM OLD.revoked_reason)) THEN
    RAISE EXCEPTION 'a retired or revoked signing key stays so' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER prescriber_keys_one_way BEFORE UPDATE ON prescriber_keys FOR EACH ROW EXECUTE FUNCTION prescriber_keys_one_way();

GRANT SELECT (retired_at, revoked_at, revoked_reason) ON prescriber_keys TO confide_app;
GRANT UPDATE (retired_at, revoked_at, revoked_by, revoked_reason) ON prescriber_keys TO confide_app;
-- The prescriber retires their own key (and only by retiring it: revoking is the clinic admin's); a clinic admin
-- revokes any prescriber's key.
CREATE POLICY prescriber_keys_retire ON prescriber_keys FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinician' AND user_id = (SELECT confide_user_id()))
  WITH CHECK ((SELECT confide_role()) = 'clinician' AND user_id = (SELECT confide_user_id()) AND revoked_at IS NULL);
CREATE POLICY prescriber_keys_revoke ON prescriber_keys FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'clinic_admin')
  WITH CHECK ((SELECT confide_role()) = 'clinic_admin' AND revoked_by = (SELECT confide_user_id()));

-- The caller's key in use: a retired key signs nothing more.
CREATE OR REPLACE FUNCTION prescriber_private_key() RETURNS TABLE (id uuid, wrapped_private_key text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT k.id, k.wrapped_private_key FROM prescriber_keys k
        WHERE k.user_id = nullif(current_setting('confide.user_id', true), '')::uuid
          AND current_setting('confide.role', true) = 'clinician'
          AND k.retired_at IS NULL $$;

-- How many prescriptions a key signed are still to be dispensed (for the clinic admin revoking it): a count, never
-- which patients'.
CREATE FUNCTION signing_key_undispensed(key_id uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT count(*)::int FROM prescriptions rx
        WHERE rx.signing_key_id = key_id AND current_setting('confide.role', true) = 'clinic_admin'
          AND rx.status IN ('issued', 'received', 'partly-dispensed') AND rx.expires_at > now() $$;
REVOKE ALL ON FUNCTION signing_key_undispensed(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION signing_key_undispensed(uuid) TO confide_app;
