CREATE TABLE "departures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"departed_on" date NOT NULL,
	"unit_code" text NOT NULL,
	"place" text NOT NULL,
	"recorded_by" uuid,
	"request_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "foreigners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nationality" char(3) NOT NULL,
	"birth_date" date NOT NULL,
	"surname" text NOT NULL,
	"given_names" text NOT NULL,
	"sex" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "travel_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"nationality" char(3) NOT NULL,
	"number" text NOT NULL,
	"birth_date" date NOT NULL,
	"issuing_state" char(3) NOT NULL,
	"expires_on" date,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lodging_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lodging_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text,
	"from_status" text,
	"to_status" text,
	"note" text,
	"payload" jsonb
);
--> statement-breakpoint
CREATE TABLE "lodging_members" (
	"lodging_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	"removed_at" timestamp with time zone,
	CONSTRAINT "lodging_members_lodging_id_account_id_pk" PRIMARY KEY("lodging_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "lodging_read_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "lodging_rules" (
	"valid_from" date PRIMARY KEY NOT NULL,
	"valid_until" date,
	"check_in_due_hours" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lodgings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"licence_number" text,
	"address" text NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regency_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"person_in_charge" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stay_notices" (
	"stay_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lodging_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stay_notices_stay_id_kind_pk" PRIMARY KEY("stay_id","kind")
);
--> statement-breakpoint
CREATE TABLE "stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lodging_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"document_number" text NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"expected_check_out_on" date,
	"check_out_at" timestamp with time zone,
	"room" text,
	"purpose" text NOT NULL,
	"permit_seen" text,
	"channel" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"check_out_reported_at" timestamp with time zone,
	"late" boolean NOT NULL,
	"receipt_number" text NOT NULL,
	"unit_code" text NOT NULL,
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overstay_proposal_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "overstay_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"overstay_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_on" date NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "overstay_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"daily_rate" integer NOT NULL,
	"charge_limit_days" integer NOT NULL,
	"unpaid_days" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overstays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"permit_id" uuid NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"entry_date" date NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"days" integer NOT NULL,
	"daily_rate" integer NOT NULL,
	"amount" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"departed_on" date,
	"billing_code" text,
	"billed_amount" bigint,
	"billing_expires_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "sponsor_members" (
	"sponsor_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "sponsor_members_sponsor_id_account_id_pk" PRIMARY KEY("sponsor_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "sponsors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"registration_number" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"regency_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "stay_permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"type" text NOT NULL,
	"entry_basis" text NOT NULL,
	"visa_index" text,
	"permit_number" text,
	"entry_date" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"unit_code" text NOT NULL,
	"sponsor_id" uuid,
	"responsible_person" text,
	"previous_permit_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"pending_change_paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_regencies" (
	"unit_code" text NOT NULL,
	"regency_code" text NOT NULL,
	CONSTRAINT "unit_regencies_regency_code_pk" PRIMARY KEY("regency_code")
);
--> statement-breakpoint
ALTER TABLE "billings" ALTER COLUMN "appointment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "billings" ALTER COLUMN "application_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "billings" ADD COLUMN "purpose" text DEFAULT 'appointment' NOT NULL;--> statement-breakpoint
ALTER TABLE "billings" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "departures" ADD CONSTRAINT "departures_foreigner_id_foreigners_id_fk" FOREIGN KEY ("foreigner_id") REFERENCES "public"."foreigners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_foreigner_id_foreigners_id_fk" FOREIGN KEY ("foreigner_id") REFERENCES "public"."foreigners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lodging_actions" ADD CONSTRAINT "lodging_actions_lodging_id_lodgings_id_fk" FOREIGN KEY ("lodging_id") REFERENCES "public"."lodgings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lodging_members" ADD CONSTRAINT "lodging_members_lodging_id_lodgings_id_fk" FOREIGN KEY ("lodging_id") REFERENCES "public"."lodgings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_notices" ADD CONSTRAINT "stay_notices_stay_id_stays_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_lodging_id_lodgings_id_fk" FOREIGN KEY ("lodging_id") REFERENCES "public"."lodgings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overstay_proposals" ADD CONSTRAINT "overstay_proposals_overstay_id_overstays_id_fk" FOREIGN KEY ("overstay_id") REFERENCES "public"."overstays"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_change_reports" ADD CONSTRAINT "permit_change_reports_permit_id_stay_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."stay_permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_members" ADD CONSTRAINT "sponsor_members_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_permits" ADD CONSTRAINT "stay_permits_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departures_foreigner_idx" ON "departures" USING btree ("foreigner_id","departed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "departures_request_key" ON "departures" USING btree ("recorded_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "foreigners_nationality_idx" ON "foreigners" USING btree ("nationality");--> statement-breakpoint
CREATE UNIQUE INDEX "travel_documents_identity_key" ON "travel_documents" USING btree ("nationality","number","birth_date");--> statement-breakpoint
CREATE INDEX "travel_documents_foreigner_idx" ON "travel_documents" USING btree ("foreigner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lodging_actions_request_key" ON "lodging_actions" USING btree ("lodging_id","request_id");--> statement-breakpoint
CREATE INDEX "lodging_actions_lodging_idx" ON "lodging_actions" USING btree ("lodging_id","at");--> statement-breakpoint
CREATE INDEX "lodging_members_account_idx" ON "lodging_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "lodging_read_grants_account_idx" ON "lodging_read_grants" USING btree ("account_id","unit_code");--> statement-breakpoint
CREATE INDEX "lodgings_unit_idx" ON "lodgings" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "lodgings_regency_idx" ON "lodgings" USING btree ("regency_code");--> statement-breakpoint
CREATE UNIQUE INDEX "stays_client_key" ON "stays" USING btree ("lodging_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stays_receipt_key" ON "stays" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "stays_foreigner_idx" ON "stays" USING btree ("foreigner_id","check_in_at");--> statement-breakpoint
CREATE INDEX "stays_lodging_idx" ON "stays" USING btree ("lodging_id","check_in_at");--> statement-breakpoint
CREATE INDEX "stays_lodged_now_idx" ON "stays" USING btree ("regency_code","district_code") WHERE check_out_at is null;--> statement-breakpoint
CREATE INDEX "stays_reported_idx" ON "stays" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "stays_retention_idx" ON "stays" USING btree (coalesce("check_out_at", "check_in_at"));--> statement-breakpoint
CREATE INDEX "overstay_proposal_actions_proposal_idx" ON "overstay_proposal_actions" USING btree ("proposal_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "overstay_proposal_actions_request_key" ON "overstay_proposal_actions" USING btree ("proposal_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "overstay_proposals_overstay_key" ON "overstay_proposals" USING btree ("overstay_id");--> statement-breakpoint
CREATE INDEX "overstay_proposals_unit_idx" ON "overstay_proposals" USING btree ("unit_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "overstays_permit_key" ON "overstays" USING btree ("permit_id");--> statement-breakpoint
CREATE INDEX "overstays_foreigner_idx" ON "overstays" USING btree ("foreigner_id");--> statement-breakpoint
CREATE INDEX "overstays_unit_idx" ON "overstays" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "permit_application_actions_application_idx" ON "permit_application_actions" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "permit_application_actions_request_key" ON "permit_application_actions" USING btree ("application_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "permit_applications_request_key" ON "permit_applications" USING btree ("applicant_account_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "permit_applications_open_key" ON "permit_applications" USING btree ("permit_id") WHERE status in ('billed', 'paid', 'scheduled', 'verified');--> statement-breakpoint
CREATE INDEX "permit_applications_unit_idx" ON "permit_applications" USING btree ("unit_code","status","due_on");--> statement-breakpoint
CREATE INDEX "permit_applications_applicant_idx" ON "permit_applications" USING btree ("applicant_account_id");--> statement-breakpoint
CREATE INDEX "permit_applications_biometrics_idx" ON "permit_applications" USING btree ("unit_code","biometrics_on");--> statement-breakpoint
CREATE INDEX "permit_service_rules_lookup_idx" ON "permit_service_rules" USING btree ("service","permit_type","valid_from");--> statement-breakpoint
CREATE INDEX "permit_change_reports_unit_idx" ON "permit_change_reports" USING btree ("unit_code","acknowledged_at");--> statement-breakpoint
CREATE INDEX "permit_change_reports_permit_idx" ON "permit_change_reports" USING btree ("permit_id");--> statement-breakpoint
CREATE INDEX "sponsor_members_account_idx" ON "sponsor_members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsors_registration_key" ON "sponsors" USING btree ("kind","registration_number");--> statement-breakpoint
CREATE INDEX "sponsors_unit_idx" ON "sponsors" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "stay_permit_actions_permit_idx" ON "stay_permit_actions" USING btree ("permit_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_permit_actions_request_key" ON "stay_permit_actions" USING btree ("permit_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "stay_permit_actions_grant_request_key" ON "stay_permit_actions" USING btree ("request_id") WHERE type = 'granted' and request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "stay_permits_number_key" ON "stay_permits" USING btree ("permit_number") WHERE permit_number is not null;--> statement-breakpoint
CREATE INDEX "stay_permits_foreigner_idx" ON "stay_permits" USING btree ("foreigner_id");--> statement-breakpoint
CREATE INDEX "stay_permits_sponsor_idx" ON "stay_permits" USING btree ("sponsor_id");--> statement-breakpoint
CREATE INDEX "stay_permits_staying_until_idx" ON "stay_permits" USING btree ("valid_until") WHERE status in ('active', 'ended');--> statement-breakpoint
CREATE INDEX "unit_regencies_unit_idx" ON "unit_regencies" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "billings_subject_idx" ON "billings" USING btree ("subject_id");