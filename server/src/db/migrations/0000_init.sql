CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"kommunkod" text,
	"website" text,
	CONSTRAINT "agencies_code_unique" UNIQUE("code"),
	CONSTRAINT "agencies_kind" CHECK ("agencies"."kind" in ('state_agency', 'municipality')),
	CONSTRAINT "agencies_kommun_matches_kind" CHECK (("agencies"."kind" = 'municipality') = ("agencies"."kommunkod" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"request_id" text,
	"ip" text,
	"outcome" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capabilities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counties" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "counties_code_format" CHECK ("counties"."code" ~ '^[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"non_working_day" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "localities" (
	"tatortskod" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kommunkod" text NOT NULL,
	"population" integer NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"kommunkod" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL,
	"population" integer NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"seat_name" text NOT NULL,
	CONSTRAINT "municipalities_kommunkod_format" CHECK ("municipalities"."kommunkod" ~ '^[0-9]{4}$'),
	CONSTRAINT "municipalities_population_nonneg" CHECK ("municipalities"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "office_agency_days" (
	"office_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	CONSTRAINT "office_agency_days_office_id_agency_id_weekday_pk" PRIMARY KEY("office_id","agency_id","weekday"),
	CONSTRAINT "office_agency_days_weekday" CHECK ("office_agency_days"."weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "office_capabilities" (
	"office_id" uuid NOT NULL,
	"capability" text NOT NULL,
	CONSTRAINT "office_capabilities_office_id_capability_pk" PRIMARY KEY("office_id","capability")
);
--> statement-breakpoint
CREATE TABLE "office_date_exceptions" (
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"closed" boolean NOT NULL,
	"opens" time,
	"closes" time,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "office_date_exceptions_office_id_date_pk" PRIMARY KEY("office_id","date"),
	CONSTRAINT "office_exception_hours" CHECK (("office_date_exceptions"."closed" and "office_date_exceptions"."opens" is null and "office_date_exceptions"."closes" is null) or (not "office_date_exceptions"."closed" and "office_date_exceptions"."opens" is not null and "office_date_exceptions"."closes" > "office_date_exceptions"."opens"))
);
--> statement-breakpoint
CREATE TABLE "office_opening_hours" (
	"office_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "office_opening_hours_office_id_weekday_opens_pk" PRIMARY KEY("office_id","weekday","opens"),
	CONSTRAINT "office_hours_weekday" CHECK ("office_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "office_hours_order" CHECK ("office_opening_hours"."closes" > "office_opening_hours"."opens")
);
--> statement-breakpoint
CREATE TABLE "office_services" (
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "office_services_office_id_service_id_pk" PRIMARY KEY("office_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"tier" text NOT NULL,
	"is_motesplats" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"partner_name" text,
	"hub_office_id" uuid,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"kommunkod" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"counters" integer DEFAULT 0 NOT NULL,
	"video_rooms" integer DEFAULT 0 NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_notes" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_tier" CHECK ("offices"."tier" in ('servicekontor', 'servicecenter', 'servicepunkt', 'mobile_stop')),
	CONSTRAINT "offices_coordinates_in_sweden" CHECK ("offices"."lat" between 55 and 69.1 and "offices"."lon" between 10.9 and 24.2),
	CONSTRAINT "offices_counts_nonneg" CHECK ("offices"."counters" >= 0 and "offices"."video_rooms" >= 0),
	CONSTRAINT "offices_servicepunkt_partner" CHECK ("offices"."tier" <> 'servicepunkt' or "offices"."partner_name" is not null),
	CONSTRAINT "offices_mobile_stop_hub" CHECK ("offices"."tier" <> 'mobile_stop' or "offices"."hub_office_id" is not null),
	CONSTRAINT "offices_hub_not_self" CHECK ("offices"."hub_office_id" is null or "offices"."hub_office_id" <> "offices"."id")
);
--> statement-breakpoint
CREATE TABLE "search_entries" (
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"label" text NOT NULL,
	"detail" text NOT NULL,
	"folded" text NOT NULL,
	"skeleton" text NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"lat" double precision,
	"lon" double precision,
	CONSTRAINT "search_entries_kind_ref_id_pk" PRIMARY KEY("kind","ref_id")
);
--> statement-breakpoint
CREATE TABLE "service_capabilities" (
	"service_id" uuid NOT NULL,
	"capability" text NOT NULL,
	CONSTRAINT "service_capabilities_service_id_capability_pk" PRIMARY KEY("service_id","capability")
);
--> statement-breakpoint
CREATE TABLE "service_performers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"agency_id" uuid,
	CONSTRAINT "service_performers_kind" CHECK ("service_performers"."kind" in ('agency', 'office_staff')),
	CONSTRAINT "service_performers_agency_iff_kind" CHECK (("service_performers"."kind" = 'agency') = ("service_performers"."agency_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"duration_min" integer NOT NULL,
	"channels" text[] NOT NULL,
	CONSTRAINT "services_duration_range" CHECK ("services"."duration_min" between 5 and 480),
	CONSTRAINT "services_channels_valid" CHECK (cardinality("services"."channels") >= 1 and "services"."channels" <@ array['in_person','video','mobile','service_point']::text[])
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agency_id" uuid,
	"office_id" uuid,
	"county_code" text,
	CONSTRAINT "user_roles_role" CHECK ("user_roles"."role" in ('service_officer', 'agency_officer', 'coordinator', 'office_manager', 'planner', 'admin')),
	CONSTRAINT "user_roles_agency_officer_scoped" CHECK ("user_roles"."role" <> 'agency_officer' or "user_roles"."agency_id" is not null),
	CONSTRAINT "user_roles_office_scoped" CHECK ("user_roles"."role" not in ('service_officer', 'office_manager', 'coordinator') or "user_roles"."office_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_username_format" CHECK ("users"."username" ~ '^[a-z0-9._-]{3,64}$')
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_kommunkod_municipalities_kommunkod_fk" FOREIGN KEY ("kommunkod") REFERENCES "public"."municipalities"("kommunkod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_kommunkod_municipalities_kommunkod_fk" FOREIGN KEY ("kommunkod") REFERENCES "public"."municipalities"("kommunkod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_agency_days" ADD CONSTRAINT "office_agency_days_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_agency_days" ADD CONSTRAINT "office_agency_days_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_capabilities" ADD CONSTRAINT "office_capabilities_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_capabilities" ADD CONSTRAINT "office_capabilities_capability_capabilities_code_fk" FOREIGN KEY ("capability") REFERENCES "public"."capabilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_date_exceptions" ADD CONSTRAINT "office_date_exceptions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_opening_hours" ADD CONSTRAINT "office_opening_hours_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_services" ADD CONSTRAINT "office_services_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_services" ADD CONSTRAINT "office_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_hub_office_id_offices_id_fk" FOREIGN KEY ("hub_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_kommunkod_municipalities_kommunkod_fk" FOREIGN KEY ("kommunkod") REFERENCES "public"."municipalities"("kommunkod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_capabilities" ADD CONSTRAINT "service_capabilities_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_capabilities" ADD CONSTRAINT "service_capabilities_capability_capabilities_code_fk" FOREIGN KEY ("capability") REFERENCES "public"."capabilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_performers" ADD CONSTRAINT "service_performers_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_performers" ADD CONSTRAINT "service_performers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_resource_idx" ON "audit_log" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "localities_kommunkod_idx" ON "localities" USING btree ("kommunkod");--> statement-breakpoint
CREATE INDEX "office_services_service_idx" ON "office_services" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offices_name_unique" ON "offices" USING btree ("name");--> statement-breakpoint
CREATE INDEX "offices_kommunkod_idx" ON "offices" USING btree ("kommunkod");--> statement-breakpoint
CREATE UNIQUE INDEX "service_performers_unique" ON "service_performers" USING btree ("service_id","kind",coalesce("agency_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "services_agency_name_sv" ON "services" USING btree ("agency_id","name_sv");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("user_id");