CREATE TABLE "lodging_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lodging_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
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
	"unit_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "lodging_actions" ADD CONSTRAINT "lodging_actions_lodging_id_lodgings_id_fk" FOREIGN KEY ("lodging_id") REFERENCES "public"."lodgings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lodging_members" ADD CONSTRAINT "lodging_members_lodging_id_lodgings_id_fk" FOREIGN KEY ("lodging_id") REFERENCES "public"."lodgings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_lodging_id_lodgings_id_fk" FOREIGN KEY ("lodging_id") REFERENCES "public"."lodgings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_members" ADD CONSTRAINT "sponsor_members_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_permits" ADD CONSTRAINT "stay_permits_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lodging_actions_request_key" ON "lodging_actions" USING btree ("lodging_id","request_id");--> statement-breakpoint
CREATE INDEX "lodging_actions_lodging_idx" ON "lodging_actions" USING btree ("lodging_id","at");--> statement-breakpoint
CREATE INDEX "lodging_members_account_idx" ON "lodging_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "lodgings_unit_idx" ON "lodgings" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "lodgings_regency_idx" ON "lodgings" USING btree ("regency_code");--> statement-breakpoint
CREATE UNIQUE INDEX "stays_client_key" ON "stays" USING btree ("lodging_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stays_receipt_key" ON "stays" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "stays_foreigner_idx" ON "stays" USING btree ("foreigner_id","check_in_at");--> statement-breakpoint
CREATE INDEX "stays_lodging_idx" ON "stays" USING btree ("lodging_id","check_in_at");--> statement-breakpoint
CREATE INDEX "stays_lodged_now_idx" ON "stays" USING btree ("regency_code","district_code") WHERE check_out_at is null;--> statement-breakpoint
CREATE INDEX "stays_reported_idx" ON "stays" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "sponsor_members_account_idx" ON "sponsor_members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsors_registration_key" ON "sponsors" USING btree ("kind","registration_number");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_permits_number_key" ON "stay_permits" USING btree ("permit_number") WHERE permit_number is not null;--> statement-breakpoint
CREATE INDEX "stay_permits_foreigner_idx" ON "stay_permits" USING btree ("foreigner_id");--> statement-breakpoint
CREATE INDEX "stay_permits_sponsor_idx" ON "stay_permits" USING btree ("sponsor_id");--> statement-breakpoint
CREATE INDEX "stay_permits_active_until_idx" ON "stay_permits" USING btree ("valid_until") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "unit_regencies_unit_idx" ON "unit_regencies" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "billings_subject_idx" ON "billings" USING btree ("subject_id");