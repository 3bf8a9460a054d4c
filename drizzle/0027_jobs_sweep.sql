ALTER TABLE "jobs" DROP CONSTRAINT "jobs_kind_check";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("finished_at");--> statement-breakpoint
UPDATE "jobs" SET "file" = NULL WHERE "status" NOT IN ('queued', 'running') AND "file" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_file_check" CHECK ("jobs"."status" in ('queued', 'running') or "jobs"."file" is null);--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_kind_check" CHECK (kind in ('figures_import','enterprises_import','projects_import','chain_list_import','period_publish','brief_generate'));