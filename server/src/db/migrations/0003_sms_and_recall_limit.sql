CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sender" text NOT NULL,
	"recipient" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "max_recalls" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "next_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sms_outbox_recipient_idx" ON "sms_outbox" USING btree ("recipient","created_at");--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_max_recalls_range" CHECK ("offices"."max_recalls" between 0 and 10);