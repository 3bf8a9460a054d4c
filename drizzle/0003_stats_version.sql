CREATE TABLE "stats_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stats_version" ADD CONSTRAINT "stats_version_single_row_check" CHECK (id = 1);--> statement-breakpoint
INSERT INTO "stats_version" ("id") VALUES (1);--> statement-breakpoint
CREATE FUNCTION bump_stats_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stats_version SET token = gen_random_uuid() WHERE id = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER monthly_figures_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON monthly_figures FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER enterprises_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprises FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER enterprise_scale_years_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_scale_years FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER enterprise_memberships_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_memberships FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER chains_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chains FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER chain_nodes_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chain_nodes FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER parks_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parks FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER regions_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();
