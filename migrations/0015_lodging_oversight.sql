CREATE TABLE "lodging_read_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "stay_notices" (
	"stay_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lodging_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stay_notices_stay_id_kind_pk" PRIMARY KEY("stay_id","kind")
);
--> statement-breakpoint
ALTER TABLE "stay_notices" ADD CONSTRAINT "stay_notices_stay_id_stays_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lodging_read_grants_account_idx" ON "lodging_read_grants" USING btree ("account_id","unit_code");--> statement-breakpoint
CREATE INDEX "stays_retention_idx" ON "stays" USING btree (coalesce("check_out_at", "check_in_at"));