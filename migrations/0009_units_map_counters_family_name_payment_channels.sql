CREATE TABLE "payment_channels" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"steps_id" jsonb NOT NULL,
	"steps_en" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "family_name" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "map_url" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "counters" jsonb DEFAULT '["Loket 1","Loket 2","Loket 3"]'::jsonb NOT NULL;