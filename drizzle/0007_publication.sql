CREATE TABLE "monthly_figure_versions" (
	"uscc" char(18) NOT NULL,
	"period" text NOT NULL,
	"gross_output" bigint,
	"revenue" bigint,
	"profit" bigint,
	"taxes" bigint,
	"electricity_kwh" bigint,
	"employees" integer,
	"prev_year_gross_output" bigint,
	"prev_year_revenue" bigint,
	"prev_year_profit" bigint,
	"prev_year_taxes" bigint,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"figure_version" bigint NOT NULL,
	"superseded_version" bigint NOT NULL,
	CONSTRAINT "monthly_figure_versions_pkey" PRIMARY KEY("uscc","period","figure_version")
);
--> statement-breakpoint
CREATE TABLE "period_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_events_action_check" CHECK (action in ('start_review','back_to_collecting','publish','reopen'))
);
--> statement-breakpoint
CREATE TABLE "period_snapshot_answers" (
	"snapshot_id" bigint NOT NULL,
	"key" text NOT NULL,
	"answer" jsonb NOT NULL,
	CONSTRAINT "period_snapshot_answers_pkey" PRIMARY KEY("snapshot_id","key")
);
--> statement-breakpoint
CREATE TABLE "period_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"figures_version" bigint NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	"expected" integer NOT NULL,
	"reported" integer NOT NULL,
	CONSTRAINT "period_snapshots_period_check" CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "period_statuses" (
	"period" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_statuses_period_check" CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "period_statuses_status_check" CHECK (status in ('collecting','review','published'))
);
--> statement-breakpoint
CREATE TABLE "warning_disposition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"uscc" char(18) NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"correction_source" text,
	"reference" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_dispositions" (
	"period" text NOT NULL,
	"uscc" char(18) NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"correction_source" text,
	"reference" text,
	"detail" jsonb,
	"detected_version" bigint,
	"updated_by" uuid,
	"updated_by_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_dispositions_pkey" PRIMARY KEY("period","uscc","kind"),
	CONSTRAINT "warning_dispositions_period_check" CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "warning_dispositions_status_check" CHECK (status in ('pending','confirmed','corrected','assigned')),
	CONSTRAINT "warning_dispositions_source_check" CHECK (correction_source is null or correction_source in ('enterprise_corrected_report','enterprise_written_confirmation'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "stats_reviewer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "monthly_figures" ADD COLUMN "figure_version" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "period_snapshot_answers" ADD CONSTRAINT "period_snapshot_answers_snapshot_id_period_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."period_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "period_events_period_idx" ON "period_events" USING btree ("period");--> statement-breakpoint
CREATE INDEX "period_snapshots_period_idx" ON "period_snapshots" USING btree ("period");--> statement-breakpoint
CREATE INDEX "warning_disposition_events_item_idx" ON "warning_disposition_events" USING btree ("period","uscc","kind");--> statement-breakpoint
CREATE INDEX "warning_dispositions_uscc_idx" ON "warning_dispositions" USING btree ("uscc","period");--> statement-breakpoint
CREATE FUNCTION keep_monthly_figure_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.gross_output, NEW.revenue, NEW.profit, NEW.taxes, NEW.electricity_kwh, NEW.employees,
        NEW.prev_year_gross_output, NEW.prev_year_revenue, NEW.prev_year_profit, NEW.prev_year_taxes)
       IS NOT DISTINCT FROM
       (OLD.gross_output, OLD.revenue, OLD.profit, OLD.taxes, OLD.electricity_kwh, OLD.employees,
        OLD.prev_year_gross_output, OLD.prev_year_revenue, OLD.prev_year_profit, OLD.prev_year_taxes) THEN
      NEW.figure_version := OLD.figure_version;
      RETURN NEW;
    END IF;
    NEW.figure_version := nextval('monthly_figures_figure_version_seq');
  END IF;
  INSERT INTO monthly_figure_versions (uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees,
      prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, source, updated_at, figure_version, superseded_version)
  VALUES (OLD.uscc, OLD.period, OLD.gross_output, OLD.revenue, OLD.profit, OLD.taxes, OLD.electricity_kwh, OLD.employees,
      OLD.prev_year_gross_output, OLD.prev_year_revenue, OLD.prev_year_profit, OLD.prev_year_taxes, OLD.source, OLD.updated_at, OLD.figure_version,
      CASE WHEN TG_OP = 'UPDATE' THEN NEW.figure_version ELSE nextval('monthly_figures_figure_version_seq') END);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER monthly_figures_keep_version BEFORE UPDATE OR DELETE ON monthly_figures FOR EACH ROW EXECUTE FUNCTION keep_monthly_figure_version();--> statement-breakpoint
CREATE TRIGGER period_statuses_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON period_statuses FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER period_snapshots_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON period_snapshots FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();--> statement-breakpoint
CREATE TRIGGER warning_dispositions_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON warning_dispositions FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();
