CREATE TABLE "permit_application_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "permit_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" text NOT NULL,
	"permit_id" uuid NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"applicant_account_id" uuid NOT NULL,
	"applicant_role" text NOT NULL,
	"status" text NOT NULL,
	"rule_id" uuid NOT NULL,
	"filed_on" date NOT NULL,
	"permit_until" date NOT NULL,
	"grant_until" date,
	"fee_amount" integer NOT NULL,
	"fee_regulation" text,
	"billing_code" text,
	"paid_on" date,
	"due_on" date,
	"biometrics_on" date,
	"verified_by" uuid,
	"decided_by" uuid,
	"reason" text,
	"refusal_reason" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_biometrics_capacity" (
	"unit_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"per_day" integer NOT NULL,
	CONSTRAINT "permit_biometrics_capacity_unit_code_valid_from_pk" PRIMARY KEY("unit_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "permit_service_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" text NOT NULL,
	"permit_type" text NOT NULL,
	"entry_basis" text,
	"allowed" boolean DEFAULT true NOT NULL,
	"max_extensions" integer,
	"step_days" integer,
	"earliest_days_before" integer,
	"latest_days_before" integer DEFAULT 0 NOT NULL,
	"tariff_item" text,
	"biometrics" boolean DEFAULT true NOT NULL,
	"sla_working_days" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"in_force" boolean DEFAULT true NOT NULL,
	"regulation" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_tariffs" (
	"regulation" text NOT NULL,
	"item" text NOT NULL,
	"max_days" integer NOT NULL,
	"amount" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"source" text NOT NULL,
	CONSTRAINT "permit_tariffs_regulation_item_max_days_pk" PRIMARY KEY("regulation","item","max_days")
);
--> statement-breakpoint
CREATE INDEX "permit_application_actions_application_idx" ON "permit_application_actions" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "permit_application_actions_request_key" ON "permit_application_actions" USING btree ("application_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "permit_applications_request_key" ON "permit_applications" USING btree ("applicant_account_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "permit_applications_open_key" ON "permit_applications" USING btree ("permit_id") WHERE status in ('billed', 'paid', 'scheduled', 'verified');--> statement-breakpoint
CREATE INDEX "permit_applications_unit_idx" ON "permit_applications" USING btree ("unit_code","status","due_on");--> statement-breakpoint
CREATE INDEX "permit_applications_applicant_idx" ON "permit_applications" USING btree ("applicant_account_id");--> statement-breakpoint
CREATE INDEX "permit_applications_biometrics_idx" ON "permit_applications" USING btree ("unit_code","biometrics_on");--> statement-breakpoint
CREATE INDEX "permit_service_rules_lookup_idx" ON "permit_service_rules" USING btree ("service","permit_type","valid_from");