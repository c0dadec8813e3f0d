-- Delivery for the outbox: messages due later (reminders), attachments (iCalendar), tied to an appointment so a
-- cancellation withdraws its pending reminders, and claimed by the sending worker through narrow functions.

ALTER TABLE outbox_messages
  ADD COLUMN kind text NOT NULL DEFAULT 'notice' CHECK (kind IN ('notice', 'confirmation', 'reminder', 'cancellation')),
  ADD COLUMN appointment_id uuid REFERENCES appointments (id),
  ADD COLUMN send_after timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN attachment_name text,
  ADD COLUMN attachment_type text,
  ADD COLUMN attachment text,
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN last_error text,
  ADD COLUMN claimed_until timestamptz,
  ADD COLUMN withdrawn_at timestamptz;
CREATE INDEX outbox_messages_due_idx ON outbox_messages (send_after) WHERE sent_at IS NULL AND withdrawn_at IS NULL;
CREATE INDEX outbox_messages_appointment_idx ON outbox_messages (appointment_id) WHERE appointment_id IS NOT NULL;

-- People may read the messages sent to them; a patient withdraws the pending ones about their own appointment.
CREATE POLICY outbox_select_own ON outbox_messages FOR SELECT TO confide_app
  USING (recipient_user_id = (SELECT confide_user_id()));
CREATE POLICY outbox_update_own ON outbox_messages FOR UPDATE TO confide_app
  USING (recipient_user_id = (SELECT confide_user_id())) WITH CHECK (recipient_user_id = (SELECT confide_user_id()));
GRANT UPDATE (withdrawn_at) ON outbox_messages TO confide_app;

-- The sending worker has no principal: it claims due messages (a lease, so a crashed worker's claim expires) and
-- reports the outcome. Callable only outside a principal's transaction, so request code cannot use them.
CREATE FUNCTION outbox_claim(p_limit integer, p_lease_seconds integer)
  RETURNS TABLE (id uuid, channel text, to_address text, subject text, body text, attachment_name text,
                 attachment_type text, attachment text, attempts integer)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE outbox_messages o
       SET claimed_until = now() + make_interval(secs => p_lease_seconds), attempts = o.attempts + 1
     WHERE (SELECT confide_user_id()) IS NULL
       AND o.id IN (SELECT m.id FROM outbox_messages m
                    WHERE m.sent_at IS NULL AND m.withdrawn_at IS NULL AND m.send_after <= now()
                      AND (m.claimed_until IS NULL OR m.claimed_until < now()) AND m.attempts < 10
                    ORDER BY m.send_after LIMIT p_limit FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.channel, o.to_address, o.subject, o.body, o.attachment_name, o.attachment_type, o.attachment, o.attempts
  $$;

CREATE FUNCTION outbox_mark_sent(p_id uuid) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE outbox_messages SET sent_at = now(), claimed_until = NULL, last_error = NULL
    WHERE id = p_id AND (SELECT confide_user_id()) IS NULL
  $$;

-- Failed: try again later, backing off a minute per attempt so far.
CREATE FUNCTION outbox_mark_failed(p_id uuid, p_error text) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE outbox_messages SET claimed_until = now() + make_interval(mins => attempts), last_error = left(p_error, 500)
    WHERE id = p_id AND (SELECT confide_user_id()) IS NULL
  $$;

REVOKE ALL ON FUNCTION outbox_claim(integer, integer), outbox_mark_sent(uuid), outbox_mark_failed(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_claim(integer, integer), outbox_mark_sent(uuid), outbox_mark_failed(uuid, text) TO confide_app;
