CREATE TABLE "office_visit_versions" (
	"office_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "office_visit_versions" ADD CONSTRAINT "office_visit_versions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_office_version_idx" ON "visits" USING btree ("office_id","version");--> statement-breakpoint
-- Hand-written: every insert and update of a visit takes the office's next version. The row lock on
-- office_visit_versions is held to commit, so versions become visible in order (see schema-visits.ts).
CREATE FUNCTION visits_take_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO office_visit_versions AS v (office_id, version) VALUES (NEW.office_id, 1)
  ON CONFLICT (office_id) DO UPDATE SET version = v.version + 1
  RETURNING v.version INTO NEW.version;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER visits_version BEFORE INSERT OR UPDATE ON visits FOR EACH ROW EXECUTE FUNCTION visits_take_version();
