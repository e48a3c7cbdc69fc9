CREATE TABLE "application_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"unit_code" text,
	"nik" text,
	"full_name" text,
	"birth_place" text,
	"birth_date" date,
	"sex" text,
	"marital_status" text,
	"address" text,
	"village_code" text,
	"phone" text,
	"email" text,
	"kind" text,
	"old_passport_number" text,
	"passport_type" text,
	"validity_years" integer,
	"speed" text,
	"purpose" text,
	"pmi_recommendation_number" text,
	"fee_total" integer,
	"fee_items" jsonb,
	"fee_regulation" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"date" date NOT NULL,
	"channel" text NOT NULL,
	"nik" text NOT NULL,
	"state" text DEFAULT 'booked' NOT NULL,
	"reschedules" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "book_stock" (
	"unit_code" text NOT NULL,
	"passport_type" text NOT NULL,
	"quantity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_stock_unit_code_passport_type_pk" PRIMARY KEY("unit_code","passport_type"),
	CONSTRAINT "book_stock_quantity" CHECK ("book_stock"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "day_quotas" (
	"unit_code" text NOT NULL,
	"date" date NOT NULL,
	"channel" text NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "day_quotas_unit_code_date_channel_pk" PRIMARY KEY("unit_code","date","channel"),
	CONSTRAINT "day_quotas_booked" CHECK ("day_quotas"."booked" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quota_overrides" (
	"unit_code" text NOT NULL,
	"date" date NOT NULL,
	"channel" text NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "quota_overrides_unit_code_date_channel_pk" PRIMARY KEY("unit_code","date","channel"),
	CONSTRAINT "quota_overrides_capacity" CHECK ("quota_overrides"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quota_templates" (
	"unit_code" text NOT NULL,
	"weekday" integer NOT NULL,
	"channel" text NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "quota_templates_unit_code_weekday_channel_pk" PRIMARY KEY("unit_code","weekday","channel"),
	CONSTRAINT "quota_templates_capacity" CHECK ("quota_templates"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"date" date NOT NULL,
	"channel" text NOT NULL,
	"application_id" uuid NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"hold_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"regulation" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"item" text NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "tariffs_regulation_item_pk" PRIMARY KEY("regulation","item")
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text,
	CONSTRAINT "holidays_date_kind_unit_key" UNIQUE NULLS NOT DISTINCT("date","kind","unit_code")
);
--> statement-breakpoint
CREATE TABLE "billings" (
	"code" text PRIMARY KEY NOT NULL,
	"appointment_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"payment_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "application_actions_application_idx" ON "application_actions" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_actions_request_key" ON "application_actions" USING btree ("application_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "application_documents" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_tracking_code_key" ON "applications" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "applications_account_idx" ON "applications" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "applications_nik_idx" ON "applications" USING btree ("nik");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_live_nik_key" ON "appointments" USING btree ("nik") WHERE state in ('booked', 'paid');--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_live_application_key" ON "appointments" USING btree ("application_id") WHERE state in ('booked', 'paid');--> statement-breakpoint
CREATE INDEX "appointments_unit_date_idx" ON "appointments" USING btree ("unit_code","date");--> statement-breakpoint
CREATE INDEX "waitlist_queue_idx" ON "waitlist" USING btree ("unit_code","date","channel","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_live_application_key" ON "waitlist" USING btree ("application_id","date") WHERE state in ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "billings_appointment_idx" ON "billings" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "billings_unpaid_idx" ON "billings" USING btree ("expires_at") WHERE paid_at is null;