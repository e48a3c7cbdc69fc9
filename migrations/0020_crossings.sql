CREATE TABLE "crossing_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crossing_id" uuid NOT NULL,
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
CREATE TABLE "crossing_daily_counts" (
	"day" date NOT NULL,
	"point_code" text NOT NULL,
	"direction" text NOT NULL,
	"traveller_kind" text NOT NULL,
	"document_kind" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "crossing_daily_counts_day_point_code_direction_traveller_kind_document_kind_pk" PRIMARY KEY("day","point_code","direction","traveller_kind","document_kind")
);
--> statement-breakpoint
CREATE TABLE "crossings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"direction" text NOT NULL,
	"traveller_kind" text NOT NULL,
	"document_kind" text NOT NULL,
	"document_number" text NOT NULL,
	"nationality" char(3) NOT NULL,
	"nik" text,
	"foreigner_id" uuid,
	"pass_id" uuid,
	"full_name" text NOT NULL,
	"birth_date" date,
	"document_expires_on" date,
	"crossed_on" date NOT NULL,
	"verdict" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"ban_entry_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"return_by" date,
	"extensions" integer,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "crossing_actions" ADD CONSTRAINT "crossing_actions_crossing_id_crossings_id_fk" FOREIGN KEY ("crossing_id") REFERENCES "public"."crossings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crossing_actions_request_key" ON "crossing_actions" USING btree ("crossing_id","request_id");--> statement-breakpoint
CREATE INDEX "crossing_actions_crossing_idx" ON "crossing_actions" USING btree ("crossing_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "crossings_request_key" ON "crossings" USING btree ("recorded_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "crossings_point_idx" ON "crossings" USING btree ("point_code","recorded_at");--> statement-breakpoint
CREATE INDEX "crossings_held_document_idx" ON "crossings" USING btree ("document_number") WHERE status = 'held';--> statement-breakpoint
CREATE INDEX "crossings_held_nik_idx" ON "crossings" USING btree ("nik") WHERE status = 'held' and nik is not null;--> statement-breakpoint
CREATE INDEX "crossings_pass_idx" ON "crossings" USING btree ("pass_id","recorded_at") WHERE pass_id is not null;--> statement-breakpoint
CREATE INDEX "crossings_plb_out_idx" ON "crossings" USING btree ("point_code","return_by") WHERE return_by is not null;--> statement-breakpoint
CREATE INDEX "crossings_foreigner_idx" ON "crossings" USING btree ("foreigner_id") WHERE foreigner_id is not null;