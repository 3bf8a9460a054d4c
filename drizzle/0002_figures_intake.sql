CREATE TABLE "monthly_figure_marks" (
	"uscc" char(18) NOT NULL,
	"period" text NOT NULL,
	"mark" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_figure_marks_pkey" PRIMARY KEY("uscc","period","mark"),
	CONSTRAINT "monthly_figure_marks_mark_check" CHECK (mark in ('jan_feb_combined')),
	CONSTRAINT "monthly_figure_marks_period_check" CHECK ("monthly_figure_marks"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND ("monthly_figure_marks"."mark" <> 'jan_feb_combined' OR "monthly_figure_marks"."period" LIKE '%-02'))
);
--> statement-breakpoint
CREATE TABLE "monthly_figure_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"period" text NOT NULL,
	"old_values" jsonb,
	"new_values" jsonb NOT NULL,
	"source" text NOT NULL,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_figure_revisions_period_check" CHECK ("monthly_figure_revisions"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "monthly_figure_revisions_source_check" CHECK (source in ('demo','import','manual','enterprise'))
);
--> statement-breakpoint
ALTER TABLE "monthly_figure_marks" ADD CONSTRAINT "monthly_figure_marks_uscc_fkey" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_figure_revisions" ADD CONSTRAINT "monthly_figure_revisions_uscc_fkey" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_figure_revisions_month_idx" ON "monthly_figure_revisions" USING btree ("uscc","period");