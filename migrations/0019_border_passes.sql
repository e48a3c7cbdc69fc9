CREATE TABLE "border_pass_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pass_id" uuid NOT NULL,
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
CREATE TABLE "border_pass_districts" (
	"district_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"note" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "border_pass_districts_district_code_valid_from_pk" PRIMARY KEY("district_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "border_pass_refusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"nik" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"watchlist_entry_id" uuid NOT NULL,
	"match" text NOT NULL,
	"refused_by" uuid,
	"refused_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "border_pass_rules" (
	"valid_from" date PRIMARY KEY NOT NULL,
	"valid_until" date,
	"validity_months" integer NOT NULL,
	"stay_days" integer NOT NULL,
	"stay_extensions" integer NOT NULL,
	"extension_days" integer NOT NULL,
	"max_stay_days" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "border_passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"token" text NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"unit_code" text NOT NULL,
	"nik" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_place" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"address" text NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"endorsement_number" text NOT NULL,
	"endorsement_date" date NOT NULL,
	"photos" jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"channel" text NOT NULL,
	"duty_id" uuid,
	"outreach_ref_id" uuid,
	"replaces_id" uuid,
	"replaced_by_id" uuid,
	"issued_by" uuid,
	"request_id" text,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crossing_points" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"counterpart" text,
	"service_hours" jsonb,
	"documents" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crossing_point_plb_switches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_code" text NOT NULL,
	"accepts" boolean NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"switched_by" uuid,
	"switched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "border_pass_actions" ADD CONSTRAINT "border_pass_actions_pass_id_border_passes_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."border_passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossing_point_plb_switches" ADD CONSTRAINT "crossing_point_plb_switches_point_code_crossing_points_code_fk" FOREIGN KEY ("point_code") REFERENCES "public"."crossing_points"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "border_pass_actions_request_key" ON "border_pass_actions" USING btree ("pass_id","request_id");--> statement-breakpoint
CREATE INDEX "border_pass_actions_pass_idx" ON "border_pass_actions" USING btree ("pass_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "border_pass_refusals_request_key" ON "border_pass_refusals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "border_pass_refusals_unit_idx" ON "border_pass_refusals" USING btree ("unit_code","refused_at");--> statement-breakpoint
CREATE UNIQUE INDEX "border_passes_number_key" ON "border_passes" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "border_passes_token_key" ON "border_passes" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "border_passes_request_key" ON "border_passes" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "border_passes_one_valid_key" ON "border_passes" USING btree ("nik") WHERE status = 'valid';--> statement-breakpoint
CREATE INDEX "border_passes_nik_idx" ON "border_passes" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "border_passes_unit_idx" ON "border_passes" USING btree ("unit_code","created_at");--> statement-breakpoint
CREATE INDEX "crossing_points_unit_idx" ON "crossing_points" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "crossing_point_plb_switches_request_key" ON "crossing_point_plb_switches" USING btree ("point_code","request_id");--> statement-breakpoint
CREATE INDEX "crossing_point_plb_switches_point_idx" ON "crossing_point_plb_switches" USING btree ("point_code","effective_from");