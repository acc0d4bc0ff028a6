ALTER TABLE "users" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_binding_idx" ON "users" USING btree ("oidc_issuer","oidc_subject") WHERE "users"."oidc_issuer" is not null and "users"."oidc_subject" is not null;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_oidc_binding_whole" CHECK (("users"."oidc_issuer" is null) = ("users"."oidc_subject" is null));