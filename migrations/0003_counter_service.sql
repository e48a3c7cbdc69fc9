CREATE TABLE "book_movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"type" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"passport_number" text,
	"application_id" uuid,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cancelled_passports" (
	"number" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"charge" integer DEFAULT 0 NOT NULL,
	"recorded_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issuance_history" (
	"unit_code" text NOT NULL,
	"month" date NOT NULL,
	"type" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "issuance_history_unit_code_month_type_pk" PRIMARY KEY("unit_code","month","type")
);
--> statement-breakpoint
CREATE TABLE "passport_series" (
	"unit_code" text NOT NULL,
	"type" text NOT NULL,
	"prefix" text NOT NULL,
	"digits" integer DEFAULT 7 NOT NULL,
	"next" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "passport_series_unit_code_type_pk" PRIMARY KEY("unit_code","type")
);
--> statement-breakpoint
CREATE TABLE "passports" (
	"number" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"unit_code" text NOT NULL,
	"holder_name" text NOT NULL,
	"nik" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"issue_date" date NOT NULL,
	"expiry_date" date NOT NULL,
	"mrz1" text NOT NULL,
	"mrz2" text NOT NULL,
	"status" text DEFAULT 'printed' NOT NULL,
	"printed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"handed_over_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "saturday_pickup_slots" (
	"unit_code" text NOT NULL,
	"date" date NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "saturday_pickup_slots_unit_code_date_pk" PRIMARY KEY("unit_code","date"),
	CONSTRAINT "saturday_pickup_slots_booked" CHECK ("saturday_pickup_slots"."booked" >= 0 and "saturday_pickup_slots"."booked" <= "saturday_pickup_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "saturday_pickups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"day" date NOT NULL,
	"series" text NOT NULL,
	"number" integer NOT NULL,
	"application_id" uuid NOT NULL,
	"appointment_id" uuid,
	"priority_reason" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"called_at" timestamp with time zone,
	"counter" text,
	"called_by" uuid,
	"calls" integer DEFAULT 0 NOT NULL,
	"no_show_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "watchlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nik" text,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_date" date,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"valid_until" date,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "holder_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "status_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "book_movements_unit_idx" ON "book_movements" USING btree ("unit_code","type","at");--> statement-breakpoint
CREATE UNIQUE INDEX "passports_live_application_key" ON "passports" USING btree ("application_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "passports_issued_idx" ON "passports" USING btree ("issue_date","unit_code","type");--> statement-breakpoint
CREATE UNIQUE INDEX "saturday_pickups_live_key" ON "saturday_pickups" USING btree ("application_id") WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX "saturday_pickups_day_idx" ON "saturday_pickups" USING btree ("unit_code","date");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_number_key" ON "queue_tickets" USING btree ("unit_code","day","series","number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_application_day_key" ON "queue_tickets" USING btree ("application_id","day");--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("unit_code","day","issued_at") WHERE called_at is null and no_show_at is null;--> statement-breakpoint
CREATE INDEX "watchlist_entries_nik_idx" ON "watchlist_entries" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "watchlist_entries_birth_date_idx" ON "watchlist_entries" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("unit_code","status","status_at");--> statement-breakpoint
CREATE INDEX "applications_due_idx" ON "applications" USING btree ("unit_code","due_on");--> statement-breakpoint
CREATE INDEX "applications_name_words_idx" ON "applications" USING gin (to_tsvector('simple', coalesce("full_name", '')));