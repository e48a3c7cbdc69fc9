CREATE TABLE "roadmap_milestone_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"milestone_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "roadmap_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"target_date" date,
	"target_quarter" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"dropped_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_state_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "state_since" date;--> statement-breakpoint
ALTER TABLE "roadmap_milestone_actions" ADD CONSTRAINT "roadmap_milestone_actions_milestone_id_roadmap_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."roadmap_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_milestones" ADD CONSTRAINT "roadmap_milestones_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_state_changes" ADD CONSTRAINT "unit_state_changes_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_milestone_actions_milestone_idx" ON "roadmap_milestone_actions" USING btree ("milestone_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_milestone_actions_request_key" ON "roadmap_milestone_actions" USING btree ("milestone_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "roadmap_milestones_unit_idx" ON "roadmap_milestones" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "unit_state_changes_unit_idx" ON "unit_state_changes" USING btree ("unit_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_state_changes_request_key" ON "unit_state_changes" USING btree ("unit_code","request_id") WHERE request_id is not null;