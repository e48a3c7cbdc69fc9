CREATE TABLE "adopted_villages" (
	"village_code" text PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"regency_code" text NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason_note" text DEFAULT '' NOT NULL,
	"adopted_on" date NOT NULL,
	"ended_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"held_on" date NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"people_reached" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_activity_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "village_officers" (
	"village_code" text NOT NULL,
	"officer_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "village_officers_village_code_officer_id_since_pk" PRIMARY KEY("village_code","officer_id","since")
);
--> statement-breakpoint
CREATE TABLE "deferral_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"non_procedural" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_reporters" (
	"tip_id" uuid PRIMARY KEY NOT NULL,
	"anonymous" boolean NOT NULL,
	"name" text,
	"phone" text,
	"email" text,
	"account_id" uuid,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "village_tip_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tip_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "village_tips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"unit_code" text NOT NULL,
	"village_code" text,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"description" text NOT NULL,
	"subject_name" text,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"triage_due_on" date NOT NULL,
	"close_due_on" date NOT NULL,
	"assigned_to" uuid,
	"request_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "village_warning_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"warning_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "village_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text NOT NULL,
	"tip_id" uuid,
	"nik" text,
	"person_name" text,
	"person_name_key" text,
	"birth_date" date,
	"recruiter_name" text,
	"recruiter_name_key" text,
	"area_code" text,
	"raised_by" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_on" date,
	"closed_at" timestamp with time zone,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "village_activities" ADD CONSTRAINT "village_activities_village_code_adopted_villages_village_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."adopted_villages"("village_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_officers" ADD CONSTRAINT "village_officers_village_code_adopted_villages_village_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."adopted_villages"("village_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_reporters" ADD CONSTRAINT "tip_reporters_tip_id_village_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."village_tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_warnings" ADD CONSTRAINT "village_warnings_tip_id_village_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."village_tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adopted_villages_unit_idx" ON "adopted_villages" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "adopted_villages_regency_idx" ON "adopted_villages" USING btree ("regency_code");--> statement-breakpoint
CREATE INDEX "village_activities_village_idx" ON "village_activities" USING btree ("village_code","held_on");--> statement-breakpoint
CREATE INDEX "village_activities_unit_idx" ON "village_activities" USING btree ("unit_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "village_activities_request_key" ON "village_activities" USING btree ("created_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "village_activity_actions_activity_idx" ON "village_activity_actions" USING btree ("activity_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "village_activity_actions_request_key" ON "village_activity_actions" USING btree ("activity_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "village_officers_officer_idx" ON "village_officers" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "village_tip_actions_tip_idx" ON "village_tip_actions" USING btree ("tip_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "village_tip_actions_request_key" ON "village_tip_actions" USING btree ("tip_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "village_tips_tracking_code_key" ON "village_tips" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "village_tips_request_key" ON "village_tips" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "village_tips_unit_idx" ON "village_tips" USING btree ("unit_code","status","triage_due_on");--> statement-breakpoint
CREATE INDEX "village_tips_village_idx" ON "village_tips" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "village_warning_actions_warning_idx" ON "village_warning_actions" USING btree ("warning_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "village_warning_actions_request_key" ON "village_warning_actions" USING btree ("warning_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "village_warnings_nik_idx" ON "village_warnings" USING btree ("nik") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "village_warnings_area_idx" ON "village_warnings" USING btree ("area_code") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "village_warnings_person_idx" ON "village_warnings" USING btree ("person_name_key","birth_date") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "village_warnings_request_key" ON "village_warnings" USING btree ("raised_by","request_id") WHERE request_id is not null;