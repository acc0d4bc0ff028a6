CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"code" text NOT NULL,
	"visitor_name" text NOT NULL,
	"language" text DEFAULT 'sv' NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	CONSTRAINT "appointments_code_unique" UNIQUE("code"),
	CONSTRAINT "appointments_status" CHECK ("appointments"."status" in ('booked', 'checked_in', 'cancelled', 'no_show')),
	CONSTRAINT "appointments_code_format" CHECK ("appointments"."code" ~ '^[A-Z0-9]{6,10}$')
);
--> statement-breakpoint
CREATE TABLE "desk_sessions" (
	"office_id" uuid NOT NULL,
	"officer_user_id" uuid NOT NULL,
	"counter_name" text NOT NULL,
	"queue_ids" uuid[] NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "desk_sessions_office_id_officer_user_id_pk" PRIMARY KEY("office_id","officer_user_id")
);
--> statement-breakpoint
CREATE TABLE "office_queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"letter" text NOT NULL,
	CONSTRAINT "office_queues_letter" CHECK ("office_queues"."letter" ~ '^[A-Z]$')
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"office_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"letter" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "ticket_sequences_office_id_service_date_letter_pk" PRIMARY KEY("office_id","service_date","letter"),
	CONSTRAINT "ticket_sequences_range" CHECK ("ticket_sequences"."last_number" between 1 and 999)
);
--> statement-breakpoint
CREATE TABLE "visit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"officer_user_id" uuid,
	"counter_name" text,
	"agency_id" uuid,
	"queue_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "visit_events_kind" CHECK ("visit_events"."kind" in ('arrived', 'called', 'recalled', 'serving_started', 'parked', 'resumed', 'transferred', 'finished', 'no_show', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "visit_services" (
	"visit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"performed_by_agency_id" uuid,
	CONSTRAINT "visit_services_visit_id_position_pk" PRIMARY KEY("visit_id","position"),
	CONSTRAINT "visit_services_status" CHECK ("visit_services"."status" in ('pending', 'done', 'not_done'))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"letter" text NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"queue_id" uuid NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"arrived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"appointment_id" uuid,
	"priority" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'sv' NOT NULL,
	"phone" text,
	"recall_count" integer DEFAULT 0 NOT NULL,
	"called_at" timestamp with time zone,
	"counter_name" text,
	"officer_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_state" CHECK ("visits"."state" in ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled')),
	CONSTRAINT "visits_seq_range" CHECK ("visits"."seq" between 1 and 999),
	CONSTRAINT "visits_called_has_officer" CHECK ("visits"."state" not in ('called', 'serving') or ("visits"."officer_user_id" is not null and "visits"."counter_name" is not null))
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_sessions" ADD CONSTRAINT "desk_sessions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_sessions" ADD CONSTRAINT "desk_sessions_officer_user_id_users_id_fk" FOREIGN KEY ("officer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_queues" ADD CONSTRAINT "office_queues_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_queues" ADD CONSTRAINT "office_queues_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sequences" ADD CONSTRAINT "ticket_sequences_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_events" ADD CONSTRAINT "visit_events_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_events" ADD CONSTRAINT "visit_events_officer_user_id_users_id_fk" FOREIGN KEY ("officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_events" ADD CONSTRAINT "visit_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_events" ADD CONSTRAINT "visit_events_queue_id_office_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."office_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_services" ADD CONSTRAINT "visit_services_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_services" ADD CONSTRAINT "visit_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_services" ADD CONSTRAINT "visit_services_performed_by_agency_id_agencies_id_fk" FOREIGN KEY ("performed_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_queue_id_office_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."office_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_officer_user_id_users_id_fk" FOREIGN KEY ("officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_office_start" ON "appointments" USING btree ("office_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "office_queues_office_letter" ON "office_queues" USING btree ("office_id","letter");--> statement-breakpoint
CREATE UNIQUE INDEX "office_queues_office_agency" ON "office_queues" USING btree ("office_id","agency_id");--> statement-breakpoint
CREATE INDEX "visit_events_visit_idx" ON "visit_events" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_office_day_number" ON "visits" USING btree ("office_id","service_date","letter","seq");--> statement-breakpoint
CREATE INDEX "visits_waiting_idx" ON "visits" USING btree ("office_id","service_date","state");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_appointment_unique" ON "visits" USING btree ("appointment_id");