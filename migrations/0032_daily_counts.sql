CREATE TABLE "daily_counts" (
	"source" text NOT NULL,
	"day" date NOT NULL,
	"unit_code" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "daily_counts_source_day_unit_code_key_pk" PRIMARY KEY("source","day","unit_code","key")
);
--> statement-breakpoint
CREATE TABLE "rollup_refreshes" (
	"source" text PRIMARY KEY NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"rebuilt_at" timestamp with time zone NOT NULL
);
