CREATE TABLE "permit_change_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"permit_id" uuid NOT NULL,
	"sponsor_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"details" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "permit_end_notices" (
	"permit_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"valid_until" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permit_end_notices_permit_id_days_before_valid_until_pk" PRIMARY KEY("permit_id","days_before","valid_until")
);
--> statement-breakpoint
CREATE TABLE "sponsor_exemptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"permit_type" text NOT NULL,
	"entry_basis" text,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"source" text NOT NULL,
	CONSTRAINT "sponsor_exemptions_key" UNIQUE NULLS NOT DISTINCT("permit_type","entry_basis","valid_from")
);
--> statement-breakpoint
CREATE TABLE "stay_permit_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"permit_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "sponsors" ADD COLUMN "regency_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "sponsors" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "sponsors" ADD COLUMN "declared_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sponsors" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "sponsors" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sponsors" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "permit_change_reports" ADD CONSTRAINT "permit_change_reports_permit_id_stay_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."stay_permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "permit_change_reports_unit_idx" ON "permit_change_reports" USING btree ("unit_code","acknowledged_at");--> statement-breakpoint
CREATE INDEX "permit_change_reports_permit_idx" ON "permit_change_reports" USING btree ("permit_id");--> statement-breakpoint
CREATE INDEX "stay_permit_actions_permit_idx" ON "stay_permit_actions" USING btree ("permit_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_permit_actions_request_key" ON "stay_permit_actions" USING btree ("permit_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "stay_permit_actions_grant_request_key" ON "stay_permit_actions" USING btree ("request_id") WHERE type = 'granted' and request_id is not null;--> statement-breakpoint
CREATE INDEX "sponsors_unit_idx" ON "sponsors" USING btree ("unit_code","status");