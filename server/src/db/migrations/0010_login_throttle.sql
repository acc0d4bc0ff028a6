CREATE TABLE "login_throttle" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttle_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "login_throttle_scope" CHECK ("login_throttle"."scope" in ('account', 'address')),
	CONSTRAINT "login_throttle_failures" CHECK ("login_throttle"."failures" >= 0)
);
--> statement-breakpoint
CREATE INDEX "login_throttle_last_failure_idx" ON "login_throttle" USING btree ("last_failure_at");