ALTER TABLE "ticket_sequences" DROP CONSTRAINT "ticket_sequences_range";--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_seq_range";--> statement-breakpoint
ALTER TABLE "ticket_sequences" ADD CONSTRAINT "ticket_sequences_range" CHECK ("ticket_sequences"."last_number" >= 1);--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_seq_range" CHECK ("visits"."seq" >= 1);