-- Access routes: a patient books through NHS registration with the practice, by paying privately, or as a member
-- of a partner (an insurer or employer). Entitlement is checked by the policy module AND by the appointments insert
-- policy below, so a booking without a route that covers its appointment type cannot be written.

-- NHS funding covers GP and nurse appointments; therapy and specialist consultations are private or partner-funded.
ALTER TABLE appointment_types ADD COLUMN nhs_funded boolean NOT NULL DEFAULT false;
UPDATE appointment_types SET nhs_funded = true WHERE profession IN ('gp', 'nurse');
-- A type with no price is not offered privately.
ALTER TABLE appointment_types ALTER COLUMN price_pence DROP NOT NULL;

-- Registration with the clinic's GP practice. (A production deployment would confirm the number by a PDS trace.)
CREATE TABLE nhs_registrations (
  patient_id uuid PRIMARY KEY REFERENCES patients (id),
  nhs_number text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
  registered_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE nhs_registrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE nhs_registrations FORCE ROW LEVEL SECURITY;
CREATE POLICY nhs_registrations_select ON nhs_registrations FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id()));
CREATE POLICY nhs_registrations_insert ON nhs_registrations FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()));
GRANT SELECT, INSERT ON nhs_registrations TO confide_app;

-- A partner's plans and the appointment types each covers. Not personal data: any signed-in person may read them.
CREATE TABLE partner_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_org_id uuid NOT NULL REFERENCES organisations (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
  name text NOT NULL,
  UNIQUE (partner_org_id, code)
);
CREATE TABLE partner_plan_coverage (
  plan_id uuid NOT NULL REFERENCES partner_plans (id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types (id),
  PRIMARY KEY (plan_id, appointment_type_id)
);
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['partner_plans', 'partner_plan_coverage'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO confide_app USING ((SELECT confide_user_id()) IS NOT NULL)', t || '_select', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO confide_app WITH CHECK ((SELECT confide_role()) = %L)', t || '_insert', t, 'clinic_admin');
    EXECUTE format('GRANT SELECT, INSERT ON %I TO confide_app', t);
  END LOOP;
END
$$;

-- A partner's member list, loaded by its partner admins. Members are people the partner names; only the partner's
-- own admins read or change the list, and a patient reads only the member record they linked to themselves.
CREATE TABLE partner_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_org_id uuid NOT NULL REFERENCES organisations (id),
  member_number text NOT NULL CHECK (member_number ~ '^[A-Za-z0-9-]{1,32}$'),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  date_of_birth date NOT NULL,
  plan_id uuid NOT NULL REFERENCES partner_plans (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A removed member can no longer book through the partner; the row stays for existing bookings and usage counts.
  removed_at timestamptz,
  UNIQUE (partner_org_id, member_number)
);

-- A patient's link to a member record, made by proving the member number and date of birth.
CREATE TABLE patient_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients (id),
  partner_member_id uuid NOT NULL UNIQUE REFERENCES partner_members (id),
  linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patient_memberships_patient_idx ON patient_memberships (patient_id);
ALTER TABLE patient_memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE patient_memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY patient_memberships_select ON patient_memberships FOR SELECT TO confide_app
  USING (patient_id = (SELECT confide_patient_id()));
GRANT SELECT ON patient_memberships TO confide_app;
-- Inserted only by link_partner_membership() below, which checks the member number and date of birth.

ALTER TABLE partner_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_members FORCE ROW LEVEL SECURITY;
CREATE POLICY partner_members_select ON partner_members FOR SELECT TO confide_app
  USING (((SELECT confide_role()) = 'partner_admin' AND partner_org_id = (SELECT confide_org_id()))
         OR EXISTS (SELECT 1 FROM patient_memberships m
                    WHERE m.partner_member_id = partner_members.id AND m.patient_id = (SELECT confide_patient_id())));
CREATE POLICY partner_members_insert ON partner_members FOR INSERT TO confide_app
  WITH CHECK ((SELECT confide_role()) = 'partner_admin' AND partner_org_id = (SELECT confide_org_id()));
CREATE POLICY partner_members_update ON partner_members FOR UPDATE TO confide_app
  USING ((SELECT confide_role()) = 'partner_admin' AND partner_org_id = (SELECT confide_org_id()))
  WITH CHECK ((SELECT confide_role()) = 'partner_admin' AND partner_org_id = (SELECT confide_org_id()));
GRANT SELECT, INSERT ON partner_members TO confide_app;
GRANT UPDATE (given_name, family_name, date_of_birth, plan_id, updated_at, removed_at) ON partner_members TO confide_app;

-- Links the calling patient to a current member record of `p_partner` with this number and date of birth. A wrong
-- number, a wrong date, a removed member and a member already linked to someone else all answer NULL alike.
CREATE FUNCTION link_partner_membership(p_partner uuid, p_member_number text, p_date_of_birth date)
  RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_patient uuid := (SELECT confide_patient_id());
    v_member uuid;
    v_link uuid;
  BEGIN
    IF v_patient IS NULL OR (SELECT confide_role()) IS DISTINCT FROM 'patient' THEN
      RETURN NULL;
    END IF;
    SELECT pm.id INTO v_member FROM partner_members pm
      WHERE pm.partner_org_id = p_partner AND upper(pm.member_number) = upper(p_member_number)
        AND pm.date_of_birth = p_date_of_birth AND pm.removed_at IS NULL;
    IF v_member IS NULL THEN
      RETURN NULL;
    END IF;
    SELECT m.id INTO v_link FROM patient_memberships m WHERE m.partner_member_id = v_member;
    IF v_link IS NOT NULL THEN
      RETURN (SELECT m.id FROM patient_memberships m WHERE m.id = v_link AND m.patient_id = v_patient);
    END IF;
    INSERT INTO patient_memberships (patient_id, partner_member_id) VALUES (v_patient, v_member) RETURNING id INTO v_link;
    RETURN v_link;
  END
  $$;
REVOKE ALL ON FUNCTION link_partner_membership(uuid, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION link_partner_membership(uuid, text, date) TO confide_app;

-- Private payments: the provider's reference and status only. No card data ever reaches Confide.
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL UNIQUE REFERENCES appointments (id),
  patient_id uuid NOT NULL REFERENCES patients (id),
  amount_pence integer NOT NULL CHECK (amount_pence >= 0),
  currency text NOT NULL DEFAULT 'GBP' CHECK (currency ~ '^[A-Z]{3}$'),
  provider text NOT NULL,
  provider_reference text,
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'refunded')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
CREATE POLICY payments_select ON payments FOR SELECT TO confide_app USING (patient_id = (SELECT confide_patient_id()));
CREATE POLICY payments_insert ON payments FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND EXISTS (
    SELECT 1 FROM appointments a WHERE a.id = payments.appointment_id AND a.patient_id = payments.patient_id));
CREATE POLICY payments_update ON payments FOR UPDATE TO confide_app
  USING (patient_id = (SELECT confide_patient_id())) WITH CHECK (patient_id = (SELECT confide_patient_id()));
GRANT SELECT, INSERT ON payments TO confide_app;
GRANT UPDATE (provider_reference, status, updated_at) ON payments TO confide_app;

-- Every appointment names the route it was booked through.
ALTER TABLE appointments
  ADD COLUMN access_route text CHECK (access_route IN ('nhs', 'private', 'partner')),
  ADD COLUMN patient_membership_id uuid REFERENCES patient_memberships (id),
  ADD CONSTRAINT appointments_partner_route CHECK ((access_route = 'partner') = (patient_membership_id IS NOT NULL));
CREATE INDEX appointments_membership_idx ON appointments (patient_membership_id) WHERE patient_membership_id IS NOT NULL;

-- The database's own entitlement check: a new booking must name a route that covers its appointment type.
DROP POLICY appointments_insert ON appointments;
CREATE POLICY appointments_insert ON appointments FOR INSERT TO confide_app
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND status = 'booked' AND (
    (access_route = 'private'
        AND EXISTS (SELECT 1 FROM appointment_types t WHERE t.id = appointments.appointment_type_id AND t.price_pence IS NOT NULL))
    OR (access_route = 'nhs'
        AND EXISTS (SELECT 1 FROM nhs_registrations r WHERE r.patient_id = appointments.patient_id)
        AND EXISTS (SELECT 1 FROM appointment_types t WHERE t.id = appointments.appointment_type_id AND t.nhs_funded))
    OR (access_route = 'partner' AND EXISTS (
        SELECT 1 FROM patient_memberships m
        JOIN partner_members pm ON pm.id = m.partner_member_id
        JOIN partner_plan_coverage c ON c.plan_id = pm.plan_id
        WHERE m.id = appointments.patient_membership_id AND m.patient_id = appointments.patient_id
          AND pm.removed_at IS NULL AND c.appointment_type_id = appointments.appointment_type_id))));
-- Appointments booked before routes existed keep a NULL route; only new bookings must name one.

-- What a partner admin may know about use of their members' cover: counts by appointment type and month, and
-- only when at least 5 (a smaller count could single out a member). Never who, when, with whom, or why.
CREATE FUNCTION partner_usage()
  RETURNS TABLE (month text, appointment_type_id uuid, appointment_type_name text, appointments integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT to_char(a.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, t.id, t.name,
           CASE WHEN count(*) >= 5 THEN count(*)::int END AS appointments
    FROM appointments a
    JOIN appointment_types t ON t.id = a.appointment_type_id
    JOIN patient_memberships m ON m.id = a.patient_membership_id
    JOIN partner_members pm ON pm.id = m.partner_member_id
    WHERE (SELECT confide_role()) = 'partner_admin' AND pm.partner_org_id = (SELECT confide_org_id())
      AND a.status <> 'cancelled'
    GROUP BY 1, 2, 3
    ORDER BY 1 DESC, 3
  $$;
REVOKE ALL ON FUNCTION partner_usage() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partner_usage() TO confide_app;
