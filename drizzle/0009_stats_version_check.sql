-- Migration 0003 added this CHECK by hand, outside the schema; it is now declared in server/db/schema.ts, and re-added here so drizzle's snapshot records it (same definition).
ALTER TABLE "stats_version" DROP CONSTRAINT IF EXISTS "stats_version_single_row_check";--> statement-breakpoint
ALTER TABLE "stats_version" ADD CONSTRAINT "stats_version_single_row_check" CHECK ("stats_version"."id" = 1);
