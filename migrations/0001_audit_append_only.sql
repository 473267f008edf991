-- The audit trail is append-only. The application never updates or deletes it, and the database refuses to as well,
-- so a bug or a stolen application credential cannot rewrite history. Someone with superuser access can still
-- disable these triggers: the keyed hash chain (audit/record.ts) and the exported anchors are what detect that.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_update_delete BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- Sixteen independent chains: a writer locks one head row, so concurrent writers rarely wait on each other.
-- Position 0 with an all-zero hash is each chain's genesis.
INSERT INTO audit_chain_heads (shard, position, hash)
SELECT shard, 0, repeat('0', 64) FROM generate_series(0, 15) AS shard;
