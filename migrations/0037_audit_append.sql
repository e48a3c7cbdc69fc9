-- Custom SQL migration file, put your code below! ---- One audit append in one round trip, also from inside another statement (a booking's single write statement):
-- the lock that serialises appenders, then the chain's head read by a statement of its own, so with a snapshot taken
-- after the lock was granted (plpgsql takes one per statement), then the entry hashed exactly as auditHash does.
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_unit_code text, p_action text, p_target_type text, p_target_id text,
  p_ip text, p_request_id text, p_details jsonb, p_canonical text
) RETURNS audit_log LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head text;
  entry audit_log;
BEGIN
  PERFORM pg_advisory_xact_lock(7410002);
  SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), repeat('0', 64)) INTO head;
  INSERT INTO audit_log (at, actor_id, unit_code, action, target_type, target_id, ip, request_id, details, prev_hash, hash)
  VALUES (p_at, p_actor_id, p_unit_code, p_action, p_target_type, p_target_id, p_ip, p_request_id, p_details, head,
    encode(sha256(convert_to(head || p_canonical, 'UTF8')), 'hex'))
  RETURNING * INTO entry;
  RETURN entry;
END;
$$;
