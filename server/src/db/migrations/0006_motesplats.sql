CREATE TABLE "mp_consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"action" text NOT NULL,
	"fields" text[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_user_id" uuid,
	CONSTRAINT "mp_consents_action" CHECK ("mp_consents"."action" in ('given', 'withdrawn')),
	CONSTRAINT "mp_consents_withdrawn_empty" CHECK (("mp_consents"."action" = 'withdrawn') = (cardinality("mp_consents"."fields") = 0))
);
--> statement-breakpoint
CREATE TABLE "mp_day_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid,
	CONSTRAINT "mp_day_events_kind" CHECK ("mp_day_events"."kind" in ('late_arrival', 'no_show', 'step_overrun', 'officer_leaves', 'interpreter_leaves', 'follow_up'))
);
--> statement-breakpoint
CREATE TABLE "mp_day_interpreters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"shift_start" integer NOT NULL,
	"shift_end" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "mp_day_interpreters_shift" CHECK ("mp_day_interpreters"."shift_start" >= 0 and "mp_day_interpreters"."shift_end" <= 1440 and "mp_day_interpreters"."shift_end" > "mp_day_interpreters"."shift_start")
);
--> statement-breakpoint
CREATE TABLE "mp_day_officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"station" text NOT NULL,
	"shift_start" integer NOT NULL,
	"shift_end" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "mp_day_officers_shift" CHECK ("mp_day_officers"."shift_start" >= 0 and "mp_day_officers"."shift_end" <= 1440 and "mp_day_officers"."shift_end" > "mp_day_officers"."shift_start")
);
--> statement-breakpoint
CREATE TABLE "mp_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"template_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mp_households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"reference" text NOT NULL,
	"language" text NOT NULL,
	"dossier_number" text,
	"assigned_kommunkod" text,
	"housing_assigned" boolean NOT NULL,
	"housing_address" text,
	"arrival" integer NOT NULL,
	"no_show" boolean DEFAULT false NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by_user_id" uuid,
	"itinerary_token" text NOT NULL,
	CONSTRAINT "mp_households_itinerary_token_unique" UNIQUE("itinerary_token"),
	CONSTRAINT "mp_households_arrival" CHECK ("mp_households"."arrival" between 0 and 1439),
	CONSTRAINT "mp_households_address_needs_housing" CHECK ("mp_households"."housing_address" is null or "mp_households"."housing_assigned")
);
--> statement-breakpoint
CREATE TABLE "mp_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"given_name" text NOT NULL,
	"birth_year" integer NOT NULL,
	"needs_interpreter" boolean NOT NULL,
	"identity_number" text,
	CONSTRAINT "mp_members_birth_year" CHECK ("mp_members"."birth_year" between 1900 and 2100),
	CONSTRAINT "mp_members_identity_format" CHECK ("mp_members"."identity_number" is null or "mp_members"."identity_number" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "mp_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"input" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"event_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "mp_step_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"task_id" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"text" text NOT NULL,
	"written_by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mp_step_statuses" (
	"household_id" uuid NOT NULL,
	"task_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"agency_id" uuid,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mp_step_statuses_household_id_task_id_pk" PRIMARY KEY("household_id","task_id"),
	CONSTRAINT "mp_step_statuses_status" CHECK ("mp_step_statuses"."status" in ('planned', 'in_progress', 'done', 'needs_follow_up', 'not_applicable')),
	CONSTRAINT "mp_step_statuses_reason" CHECK ("mp_step_statuses"."status" not in ('needs_follow_up', 'not_applicable') or coalesce("mp_step_statuses"."reason", '') <> ''),
	CONSTRAINT "mp_step_statuses_finish_after_start" CHECK ("mp_step_statuses"."finished_at" is null or "mp_step_statuses"."started_at" is null or "mp_step_statuses"."finished_at" >= "mp_step_statuses"."started_at")
);
--> statement-breakpoint
CREATE TABLE "mp_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid,
	CONSTRAINT "mp_templates_steps_array" CHECK (jsonb_typeof("mp_templates"."steps") = 'array')
);
--> statement-breakpoint
ALTER TABLE "mp_consents" ADD CONSTRAINT "mp_consents_household_id_mp_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."mp_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_consents" ADD CONSTRAINT "mp_consents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_consents" ADD CONSTRAINT "mp_consents_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_day_events" ADD CONSTRAINT "mp_day_events_day_id_mp_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."mp_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_day_events" ADD CONSTRAINT "mp_day_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_day_interpreters" ADD CONSTRAINT "mp_day_interpreters_day_id_mp_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."mp_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_day_officers" ADD CONSTRAINT "mp_day_officers_day_id_mp_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."mp_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_day_officers" ADD CONSTRAINT "mp_day_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_days" ADD CONSTRAINT "mp_days_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_days" ADD CONSTRAINT "mp_days_template_id_mp_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."mp_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_households" ADD CONSTRAINT "mp_households_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_households" ADD CONSTRAINT "mp_households_assigned_kommunkod_municipalities_kommunkod_fk" FOREIGN KEY ("assigned_kommunkod") REFERENCES "public"."municipalities"("kommunkod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_households" ADD CONSTRAINT "mp_households_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_members" ADD CONSTRAINT "mp_members_household_id_mp_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."mp_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_plans" ADD CONSTRAINT "mp_plans_day_id_mp_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."mp_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_plans" ADD CONSTRAINT "mp_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_step_notes" ADD CONSTRAINT "mp_step_notes_household_id_mp_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."mp_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_step_notes" ADD CONSTRAINT "mp_step_notes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_step_notes" ADD CONSTRAINT "mp_step_notes_written_by_user_id_users_id_fk" FOREIGN KEY ("written_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_step_statuses" ADD CONSTRAINT "mp_step_statuses_household_id_mp_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."mp_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_step_statuses" ADD CONSTRAINT "mp_step_statuses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_step_statuses" ADD CONSTRAINT "mp_step_statuses_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_templates" ADD CONSTRAINT "mp_templates_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mp_templates" ADD CONSTRAINT "mp_templates_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mp_consents_household" ON "mp_consents" USING btree ("household_id","agency_id","id");--> statement-breakpoint
CREATE INDEX "mp_day_events_day" ON "mp_day_events" USING btree ("day_id","at");--> statement-breakpoint
CREATE INDEX "mp_day_interpreters_day" ON "mp_day_interpreters" USING btree ("day_id");--> statement-breakpoint
CREATE INDEX "mp_day_officers_day" ON "mp_day_officers" USING btree ("day_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mp_days_office_date" ON "mp_days" USING btree ("office_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "mp_households_reference" ON "mp_households" USING btree ("office_id","date","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "mp_members_position" ON "mp_members" USING btree ("household_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "mp_plans_day_version" ON "mp_plans" USING btree ("day_id","version");--> statement-breakpoint
CREATE INDEX "mp_step_notes_household_agency" ON "mp_step_notes" USING btree ("household_id","agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mp_templates_office_name" ON "mp_templates" USING btree ("office_id","name");--> statement-breakpoint
-- Hand-written: consent is history. A decision is never changed or removed, only followed by another
-- (docs/motesplats.md); the rows go only with their household (ON DELETE CASCADE deletes as the owner).
CREATE OR REPLACE FUNCTION mp_consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM mp_households WHERE id = OLD.household_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'mp_consents is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER mp_consents_no_update BEFORE UPDATE OR DELETE ON mp_consents
  FOR EACH ROW EXECUTE FUNCTION mp_consents_append_only();
