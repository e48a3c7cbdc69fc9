CREATE TABLE "complaint_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"public" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"unit_code" text NOT NULL,
	"application_tracking_code" text,
	"lapor_reference" text,
	"description" text NOT NULL,
	"subject_officer_id" uuid,
	"subject_name" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reporter_name" text,
	"reporter_email" text,
	"reporter_phone" text,
	"reporter_account_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"verify_due_on" date NOT NULL,
	"answer_due_on" date,
	"assigned_to" uuid,
	"first_answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"satisfaction" integer,
	"request_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"service" text NOT NULL,
	"source" text NOT NULL,
	"u1" smallint NOT NULL,
	"u2" smallint NOT NULL,
	"u3" smallint NOT NULL,
	"u4" smallint NOT NULL,
	"u5" smallint NOT NULL,
	"u6" smallint NOT NULL,
	"u7" smallint NOT NULL,
	"u8" smallint NOT NULL,
	"u9" smallint NOT NULL,
	"age_group" text,
	"sex" text,
	"education" text,
	"occupation" text,
	"comment" text,
	"entered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"service" text NOT NULL,
	"ref_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "complaint_actions_complaint_idx" ON "complaint_actions" USING btree ("complaint_id","id");--> statement-breakpoint
CREATE INDEX "complaint_attachments_complaint_idx" ON "complaint_attachments" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_code_key" ON "complaints" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_request_key" ON "complaints" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "complaints_unit_idx" ON "complaints" USING btree ("unit_code","status","verify_due_on");--> statement-breakpoint
CREATE INDEX "survey_responses_unit_idx" ON "survey_responses" USING btree ("unit_code","answered_at");--> statement-breakpoint
CREATE INDEX "survey_tokens_ref_idx" ON "survey_tokens" USING btree ("ref_id");