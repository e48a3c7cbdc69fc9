CREATE TABLE "deportations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"nationality" char(3) NOT NULL,
	"depart_on" date NOT NULL,
	"carrier" text NOT NULL,
	"ticket_number" text NOT NULL,
	"flight_or_vessel" text,
	"crossing_point_code" text NOT NULL,
	"escorts" jsonb NOT NULL,
	"embassy" text NOT NULL,
	"letter_number" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"nationality" char(3) NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text NOT NULL,
	"grounds" text NOT NULL,
	"status" text DEFAULT 'opened' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"examined_on" date,
	"examiner" text,
	"examination_place" text,
	"statement" text,
	"bap_key" text,
	"opinion" text,
	"proposed" jsonb,
	"opinion_by" uuid,
	"decision_number" text,
	"decided_on" date,
	"decided_by" uuid,
	"closing_note" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"basis" text NOT NULL,
	"detail" text,
	"valid_until" date,
	"permit_id" uuid,
	"watchlist_entry_id" uuid,
	"executed_at" timestamp with time zone,
	"executed_by" uuid,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "deportations" ADD CONSTRAINT "deportations_case_id_enforcement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_measures" ADD CONSTRAINT "enforcement_measures_case_id_enforcement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deportations_case_key" ON "deportations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "deportations_unit_idx" ON "deportations" USING btree ("unit_code","depart_on");--> statement-breakpoint
CREATE INDEX "enforcement_case_actions_case_idx" ON "enforcement_case_actions" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_case_actions_request_key" ON "enforcement_case_actions" USING btree ("case_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "enforcement_cases_unit_idx" ON "enforcement_cases" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "enforcement_cases_foreigner_idx" ON "enforcement_cases" USING btree ("foreigner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cases_open_key" ON "enforcement_cases" USING btree ("foreigner_id") WHERE status not in ('closed', 'closed_paid', 'withdrawn');--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cases_request_key" ON "enforcement_cases" USING btree ("opened_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "enforcement_measures_case_idx" ON "enforcement_measures" USING btree ("case_id");