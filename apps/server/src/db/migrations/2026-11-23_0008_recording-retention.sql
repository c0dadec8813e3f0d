-- Retention and erasure of recordings by crypto-shredding: the segment's wrapped data key is destroyed first (its
-- ciphertext can then never be decrypted, wherever copies of it are), then the blob is deleted.

-- How long recordings of each kind of appointment are kept after the consultation ends.
ALTER TABLE appointment_types ADD COLUMN recording_retention_days integer NOT NULL DEFAULT 3650 CHECK (recording_retention_days > 0);

ALTER TABLE recording_segments ALTER COLUMN wrapped_key DROP NOT NULL;
ALTER TABLE recording_segments ADD COLUMN shredded_at timestamptz;
ALTER TABLE recording_segments ADD CONSTRAINT recording_segments_shredded CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL));

-- A patient may shred their own recordings (erasure, where the law allows): the only change is destroying the key.
CREATE POLICY recording_segments_shred ON recording_segments FOR UPDATE TO confide_app
  USING (patient_id = (SELECT confide_patient_id()))
  WITH CHECK (patient_id = (SELECT confide_patient_id()) AND wrapped_key IS NULL AND shredded_at IS NOT NULL);
GRANT UPDATE (wrapped_key, shredded_at) ON recording_segments TO confide_app;

-- The retention job (no principal): segments past their type's retention, and shredding them.
CREATE FUNCTION recordings_past_retention(p_limit integer)
  RETURNS TABLE (id uuid, consultation_id uuid, patient_id uuid, blob_key text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.consultation_id, s.patient_id, s.blob_key
    FROM recording_segments s
    JOIN consultations c ON c.id = s.consultation_id
    JOIN appointments a ON a.id = c.appointment_id
    JOIN appointment_types t ON t.id = a.appointment_type_id
    WHERE (SELECT confide_user_id()) IS NULL AND s.shredded_at IS NULL
      AND coalesce(c.ended_at, c.started_at) < now() - make_interval(days => t.recording_retention_days)
    ORDER BY s.created_at
    LIMIT p_limit
  $$;
CREATE FUNCTION recording_segment_shred(p_id uuid) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH shredded AS (
      UPDATE recording_segments SET wrapped_key = NULL, shredded_at = now()
      WHERE id = p_id AND shredded_at IS NULL AND (SELECT confide_user_id()) IS NULL RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM shredded)
  $$;
REVOKE ALL ON FUNCTION recordings_past_retention(integer), recording_segment_shred(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recordings_past_retention(integer), recording_segment_shred(uuid) TO confide_app;
