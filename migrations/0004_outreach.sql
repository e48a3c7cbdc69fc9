CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requester_account_id" uuid NOT NULL,
	"requester_relation" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_nik" text NOT NULL,
	"applicant_birth_date" date NOT NULL,
	"reason" text NOT NULL,
	"reason_details" text,
	"evidence_key" text,
	"place_kind" text NOT NULL,
	"address" text NOT NULL,
	"village_code" text NOT NULL,
	"preferred_dates" jsonb NOT NULL,
	"answer_due_on" date NOT NULL,
	"answered_at" timestamp with time zone,
	"visit_date" date,
	"application_id" uuid,
	"refusal_reason" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "outreach_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"session_code" text,
	"unit_code" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"organiser_kind" text NOT NULL,
	"organiser_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text,
	"venue" text NOT NULL,
	"village_code" text NOT NULL,
	"preferred_dates" jsonb NOT NULL,
	"expected_participants" integer NOT NULL,
	"date" date,
	"capacity" integer,
	"delivery_date" date,
	"refusal_reason" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"nik" text NOT NULL,
	"birth_date" date,
	"phone" text,
	"application_id" uuid,
	"source" text NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid,
	"officer_id" uuid,
	"kit_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobile_kits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"serial" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "outreach_session_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "home_visit_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "home_visits_tracking_code_key" ON "home_visits" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "home_visits_request_key" ON "home_visits" USING btree ("requester_account_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "home_visits_unit_idx" ON "home_visits" USING btree ("unit_code","status","answer_due_on");--> statement-breakpoint
CREATE INDEX "outreach_actions_subject_idx" ON "outreach_actions" USING btree ("subject_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_actions_request_key" ON "outreach_actions" USING btree ("subject_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_sessions_tracking_code_key" ON "outreach_sessions" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_sessions_session_code_key" ON "outreach_sessions" USING btree ("session_code");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_sessions_request_key" ON "outreach_sessions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "outreach_sessions_unit_idx" ON "outreach_sessions" USING btree ("unit_code","status","date");--> statement-breakpoint
CREATE UNIQUE INDEX "session_participants_nik_key" ON "session_participants" USING btree ("session_id","nik");--> statement-breakpoint
CREATE UNIQUE INDEX "session_participants_request_key" ON "session_participants" USING btree ("session_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "duties_officer_day_key" ON "duties" USING btree ("officer_id","date") WHERE officer_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "duties_kit_day_key" ON "duties" USING btree ("kit_id","date") WHERE kit_id is not null;--> statement-breakpoint
CREATE INDEX "duties_unit_day_idx" ON "duties" USING btree ("unit_code","date");--> statement-breakpoint
CREATE INDEX "duties_ref_idx" ON "duties" USING btree ("ref_id");--> statement-breakpoint
CREATE INDEX "applications_session_idx" ON "applications" USING btree ("outreach_session_id");