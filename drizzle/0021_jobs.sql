CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"input" jsonb NOT NULL,
	"actor" jsonb NOT NULL,
	"file" "bytea",
	"file_name" text,
	"result" jsonb,
	"error" jsonb,
	"started_by" uuid,
	"started_by_name" text NOT NULL,
	"runner" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_kind_check" CHECK (kind in ('figures_import','enterprises_import','period_publish','brief_generate')),
	CONSTRAINT "jobs_status_check" CHECK (status in ('queued','running','succeeded','failed')),
	CONSTRAINT "jobs_progress_check" CHECK ("jobs"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_started_by_idx" ON "jobs" USING btree ("started_by","created_at");