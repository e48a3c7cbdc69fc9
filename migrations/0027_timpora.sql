CREATE TABLE "timpora_operation_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "partner_agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timpora_recommendation_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "timpora_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"foreigner_id" uuid,
	"nationality" text NOT NULL,
	"document_number" text,
	"permit_state" text NOT NULL,
	"permit_id" uuid,
	"outcome" text NOT NULL,
	"handed_to_agency_id" uuid,
	"violation" text,
	"village_code" text NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timpora_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"agenda" text NOT NULL,
	"agencies_present" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timpora_operation_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"lodging_id" uuid,
	"village_code" text
);
--> statement-breakpoint
CREATE TABLE "timpora_operation_teams" (
	"operation_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "timpora_operation_teams_operation_id_team_id_pk" PRIMARY KEY("operation_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "timpora_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'recommendation' NOT NULL,
	"recommendation_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"places" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timpora_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "timpora_team_agencies" (
	"team_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timpora_team_agencies_team_id_agency_id_pk" PRIMARY KEY("team_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "timpora_team_partners" (
	"team_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timpora_team_partners_team_id_account_id_pk" PRIMARY KEY("team_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "timpora_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"unit_code" text NOT NULL,
	"region_code" text,
	"decree_number" text NOT NULL,
	"decree_date" date NOT NULL,
	"chair_name" text NOT NULL,
	"chair_position" text NOT NULL,
	"secretary_name" text,
	"secretary_position" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "timpora_findings" ADD CONSTRAINT "timpora_findings_operation_id_timpora_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."timpora_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_findings" ADD CONSTRAINT "timpora_findings_handed_to_agency_id_partner_agencies_id_fk" FOREIGN KEY ("handed_to_agency_id") REFERENCES "public"."partner_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_meetings" ADD CONSTRAINT "timpora_meetings_team_id_timpora_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."timpora_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_operation_targets" ADD CONSTRAINT "timpora_operation_targets_operation_id_timpora_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."timpora_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_operation_teams" ADD CONSTRAINT "timpora_operation_teams_operation_id_timpora_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."timpora_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_operation_teams" ADD CONSTRAINT "timpora_operation_teams_team_id_timpora_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."timpora_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_operations" ADD CONSTRAINT "timpora_operations_recommendation_id_timpora_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."timpora_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_recommendations" ADD CONSTRAINT "timpora_recommendations_meeting_id_timpora_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."timpora_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_recommendations" ADD CONSTRAINT "timpora_recommendations_agency_id_partner_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."partner_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_team_agencies" ADD CONSTRAINT "timpora_team_agencies_team_id_timpora_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."timpora_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_team_agencies" ADD CONSTRAINT "timpora_team_agencies_agency_id_partner_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."partner_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_team_partners" ADD CONSTRAINT "timpora_team_partners_team_id_timpora_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."timpora_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timpora_team_partners" ADD CONSTRAINT "timpora_team_partners_agency_id_partner_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."partner_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timpora_operation_actions_operation_idx" ON "timpora_operation_actions" USING btree ("operation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_operation_actions_request_key" ON "timpora_operation_actions" USING btree ("operation_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_agencies_code_key" ON "partner_agencies" USING btree ("code");--> statement-breakpoint
CREATE INDEX "timpora_recommendation_actions_rec_idx" ON "timpora_recommendation_actions" USING btree ("recommendation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_recommendation_actions_request_key" ON "timpora_recommendation_actions" USING btree ("recommendation_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "timpora_findings_operation_idx" ON "timpora_findings" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "timpora_findings_foreigner_idx" ON "timpora_findings" USING btree ("foreigner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_findings_request_key" ON "timpora_findings" USING btree ("operation_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "timpora_meetings_team_idx" ON "timpora_meetings" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_meetings_request_key" ON "timpora_meetings" USING btree ("team_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "timpora_operation_targets_operation_idx" ON "timpora_operation_targets" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "timpora_operation_teams_team_idx" ON "timpora_operation_teams" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "timpora_operations_unit_idx" ON "timpora_operations" USING btree ("unit_code","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_operations_request_key" ON "timpora_operations" USING btree ("created_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "timpora_recommendations_meeting_idx" ON "timpora_recommendations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "timpora_team_partners_account_idx" ON "timpora_team_partners" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "timpora_teams_unit_idx" ON "timpora_teams" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "timpora_teams_parent_idx" ON "timpora_teams" USING btree ("parent_id");