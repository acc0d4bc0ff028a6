-- hand-written: stored addresses that are not http(s) are dropped before the rule applies.
UPDATE "agencies" SET "website" = NULL WHERE "website" !~ '^https?://';--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_website_http" CHECK ("agencies"."website" is null or "agencies"."website" ~ '^https?://');