-- Trigram similarity for the forgiving search (PGlite loads it from its contrib bundle,
-- PostgreSQL from postgresql-contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_entries_folded_trgm ON search_entries USING gin (folded gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_entries_skeleton_trgm ON search_entries USING gin (skeleton gin_trgm_ops);
--> statement-breakpoint
-- The audit log is append-only: no role the app connects as may rewrite history.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
