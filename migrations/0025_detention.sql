CREATE TABLE "detainee_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"detainee_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "detainee_health_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"detainee_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"examiner" text NOT NULL,
	"findings" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detainee_property" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"detainee_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"item" text NOT NULL,
	"quantity" integer NOT NULL,
	"on" date NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "detainees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"authority_unit_code" text NOT NULL,
	"status" text DEFAULT 'detained' NOT NULL,
	"reason" text NOT NULL,
	"place" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"signed_by" text NOT NULL,
	"case_ref" text,
	"placed_on" date NOT NULL,
	"handed_by_agency" text NOT NULL,
	"handed_by_officer" text NOT NULL,
	"handed_on" date NOT NULL,
	"block" text NOT NULL,
	"room" text,
	"last_reviewed_on" date,
	"released_on" date,
	"release_reason" text,
	"release_ref" text,
	"request_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detention_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"raised_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detention_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"max_years" integer NOT NULL,
	"review_months" integer NOT NULL,
	"warn_days" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refugee_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"refugee_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "refugee_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"refugee_id" uuid NOT NULL,
	"month" text NOT NULL,
	"reported_on" date NOT NULL,
	"stamped_by" uuid
);
--> statement-breakpoint
CREATE TABLE "refugees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"unhcr_status" text NOT NULL,
	"unhcr_number" text NOT NULL,
	"shelter" text NOT NULL,
	"card_number" text NOT NULL,
	"status" text DEFAULT 'under_oversight' NOT NULL,
	"first_month" text NOT NULL,
	"ended_on" date,
	"request_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "detainee_actions_detainee_idx" ON "detainee_actions" USING btree ("detainee_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "detainee_actions_request_key" ON "detainee_actions" USING btree ("detainee_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "detainee_health_checks_detainee_idx" ON "detainee_health_checks" USING btree ("detainee_id","id");--> statement-breakpoint
CREATE INDEX "detainee_property_detainee_idx" ON "detainee_property" USING btree ("detainee_id","id");--> statement-breakpoint
CREATE INDEX "detainees_foreigner_idx" ON "detainees" USING btree ("foreigner_id");--> statement-breakpoint
CREATE INDEX "detainees_unit_idx" ON "detainees" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "detainees_authority_idx" ON "detainees" USING btree ("authority_unit_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "detainees_current_key" ON "detainees" USING btree ("foreigner_id") WHERE status <> 'released';--> statement-breakpoint
CREATE UNIQUE INDEX "detainees_request_key" ON "detainees" USING btree ("created_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "detention_alerts_key" ON "detention_alerts" USING btree ("subject_id","kind","key");--> statement-breakpoint
CREATE INDEX "detention_alerts_unit_idx" ON "detention_alerts" USING btree ("unit_code","raised_on");--> statement-breakpoint
CREATE INDEX "refugee_actions_refugee_idx" ON "refugee_actions" USING btree ("refugee_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "refugee_actions_request_key" ON "refugee_actions" USING btree ("refugee_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "refugee_reports_month_key" ON "refugee_reports" USING btree ("refugee_id","month");--> statement-breakpoint
CREATE INDEX "refugees_foreigner_idx" ON "refugees" USING btree ("foreigner_id");--> statement-breakpoint
CREATE INDEX "refugees_unit_idx" ON "refugees" USING btree ("unit_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "refugees_card_key" ON "refugees" USING btree ("unit_code","card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "refugees_request_key" ON "refugees" USING btree ("created_by","request_id") WHERE request_id is not null;