-- Hand-written: btree_gist lets one GiST index combine equality on the pool and unit with overlap of
-- the time range, for the exclusion constraint on booking_holds below (contrib, in PGlite and PostgreSQL).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TABLE "booking_settings" (
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"bookable" boolean NOT NULL,
	"walk_in_share" double precision NOT NULL,
	"buffer_before_min" integer NOT NULL,
	"buffer_after_min" integer NOT NULL,
	"min_notice_min" integer NOT NULL,
	"horizon_days" integer NOT NULL,
	"step_min" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_settings_office_id_service_id_pk" PRIMARY KEY("office_id","service_id"),
	CONSTRAINT "booking_settings_walk_in_share" CHECK ("booking_settings"."walk_in_share" between 0 and 1),
	CONSTRAINT "booking_settings_buffers" CHECK ("booking_settings"."buffer_before_min" between 0 and 120 and "booking_settings"."buffer_after_min" between 0 and 120),
	CONSTRAINT "booking_settings_notice" CHECK ("booking_settings"."min_notice_min" between 0 and 20160),
	CONSTRAINT "booking_settings_horizon" CHECK ("booking_settings"."horizon_days" between 1 and 365),
	CONSTRAINT "booking_settings_step" CHECK ("booking_settings"."step_min" between 5 and 120)
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sender" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobile_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"hub_office_id" uuid NOT NULL,
	CONSTRAINT "mobile_teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "mobile_visit_services" (
	"visit_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "mobile_visit_services_visit_id_service_id_pk" PRIMARY KEY("visit_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "mobile_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"stop_office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "mobile_visits_hours" CHECK ("mobile_visits"."closes" > "mobile_visits"."opens"),
	CONSTRAINT "mobile_visits_capacity" CHECK ("mobile_visits"."capacity" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "office_staffing" (
	"office_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"officers" integer NOT NULL,
	CONSTRAINT "office_staffing_office_id_agency_id_weekday_pk" PRIMARY KEY("office_id","agency_id","weekday"),
	CONSTRAINT "office_staffing_weekday" CHECK ("office_staffing"."weekday" between 1 and 7),
	CONSTRAINT "office_staffing_officers" CHECK ("office_staffing"."officers" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "booking_holds" (
	"appointment_id" uuid NOT NULL,
	"pool_key" text NOT NULL,
	"unit" integer NOT NULL,
	"during" "tstzrange" NOT NULL,
	CONSTRAINT "booking_holds_appointment_id_pool_key_pk" PRIMARY KEY("appointment_id","pool_key"),
	CONSTRAINT "booking_holds_unit" CHECK ("booking_holds"."unit" >= 1)
);
--> statement-breakpoint
-- Hand-edited: rows booked before this migration end after their service's duration.
ALTER TABLE "appointments" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
UPDATE "appointments" a SET "ends_at" = a."starts_at" + make_interval(mins => s."duration_min") FROM "services" s WHERE s."id" = a."service_id";--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "ends_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "manage_token" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "channel" text DEFAULT 'in_person' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "mobile_visit_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "personnummer" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "interpreter_language" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "video_room" integer;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "officer_user_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "join_url" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
UPDATE "appointments" SET "cancelled_at" = now() WHERE "status" = 'cancelled';--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_teams" ADD CONSTRAINT "mobile_teams_hub_office_id_offices_id_fk" FOREIGN KEY ("hub_office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_visit_services" ADD CONSTRAINT "mobile_visit_services_visit_id_mobile_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."mobile_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_visit_services" ADD CONSTRAINT "mobile_visit_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_visits" ADD CONSTRAINT "mobile_visits_team_id_mobile_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."mobile_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_visits" ADD CONSTRAINT "mobile_visits_stop_office_id_offices_id_fk" FOREIGN KEY ("stop_office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_staffing" ADD CONSTRAINT "office_staffing_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_staffing" ADD CONSTRAINT "office_staffing_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_recipient_idx" ON "email_outbox" USING btree ("recipient","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_visits_stop_date" ON "mobile_visits" USING btree ("stop_office_id","date");--> statement-breakpoint
CREATE INDEX "mobile_visits_team_date" ON "mobile_visits" USING btree ("team_id","date");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_mobile_visit_id_mobile_visits_id_fk" FOREIGN KEY ("mobile_visit_id") REFERENCES "public"."mobile_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_officer_user_id_users_id_fk" FOREIGN KEY ("officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_officer_start" ON "appointments" USING btree ("officer_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_mobile_visit" ON "appointments" USING btree ("mobile_visit_id");--> statement-breakpoint
CREATE INDEX "appointments_reminder_due" ON "appointments" USING btree ("starts_at") WHERE "appointments"."reminder_sent_at" is null and "appointments"."status" = 'booked';--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_channel" CHECK ("appointments"."channel" in ('in_person', 'video'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ends_after_start" CHECK ("appointments"."ends_at" > "appointments"."starts_at");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_video_has_room" CHECK ("appointments"."channel" <> 'video' or ("appointments"."video_room" is not null and "appointments"."officer_user_id" is not null));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_at" CHECK (("appointments"."status" = 'cancelled') = ("appointments"."cancelled_at" is not null));--> statement-breakpoint
-- Hand-written: no two holds on the same unit of a pool overlap in time. Together with taking units
-- 1..capacity only, this makes more bookings than capacity impossible whatever the requests' interleaving
-- (docs/decisions/0006). Cancelled bookings delete their holds.
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_no_overlap" EXCLUDE USING gist ("pool_key" WITH =, "unit" WITH =, "during" WITH &&);--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_during_bounded" CHECK (NOT isempty("during") AND lower_inc("during") AND NOT upper_inc("during") AND NOT lower_inf("during") AND NOT upper_inf("during"));
