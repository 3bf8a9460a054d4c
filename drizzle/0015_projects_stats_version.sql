-- The project KPIs and lists are cached under the stats token (monitoring.cache.ts): a write to the projects, the
-- major-project list, the monthly investment or the investors changes it, as publication (period_snapshots) already does.
CREATE TRIGGER projects_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER major_project_years_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON major_project_years FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER project_monthly_investment_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_monthly_investment FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();
--> statement-breakpoint
CREATE TRIGGER investors_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON investors FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();
