CREATE TABLE "monthly_figure_ytd" (
	"uscc" char(18) NOT NULL,
	"period" text NOT NULL,
	"measure" text NOT NULL,
	"ytd_value" bigint NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_figure_ytd_pkey" PRIMARY KEY("uscc","period","measure"),
	CONSTRAINT "monthly_figure_ytd_period_check" CHECK ("monthly_figure_ytd"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "monthly_figure_ytd_measure_check" CHECK (measure in ('gross_output','revenue','profit','taxes','electricity_kwh'))
);
--> statement-breakpoint
ALTER TABLE "monthly_figure_ytd" ADD CONSTRAINT "monthly_figure_ytd_uscc_fkey" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;