-- An audit append is an insert and nothing more: no lock shared by every writer, no read of a chain's head. The entry
-- takes its transaction's id (the column's default); the sealer orders entries into the Merkle tree once their
-- transactions have ended.
DROP FUNCTION audit_append(timestamptz, uuid, text, text, text, text, text, text, jsonb, text);
--> statement-breakpoint
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_unit_code text, p_action text, p_target_type text, p_target_id text,
  p_ip text, p_request_id text, p_details jsonb
) RETURNS audit_log LANGUAGE sql VOLATILE AS $$
  INSERT INTO audit_log (at, actor_id, unit_code, action, target_type, target_id, ip, request_id, details)
  VALUES (p_at, p_actor_id, p_unit_code, p_action, p_target_type, p_target_id, p_ip, p_request_id, p_details)
  RETURNING *;
$$;
--> statement-breakpoint
-- The audit tables are append-only for every role that keeps the triggers on: an UPDATE, DELETE or TRUNCATE fails.
-- Only a table's owner can disable a trigger; the application's role should own nothing (docs/operations.md).
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_leaves_append_only BEFORE UPDATE OR DELETE ON audit_leaves
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_leaves_no_truncate BEFORE TRUNCATE ON audit_leaves
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_nodes_append_only BEFORE UPDATE OR DELETE ON audit_nodes
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_nodes_no_truncate BEFORE TRUNCATE ON audit_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- An entry's transaction id is the one that wrote it, whatever the INSERT says: one far in the future would leave the
-- entry waiting for the sealer for ever.
CREATE FUNCTION audit_own_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_own_xid BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_own_xid();
