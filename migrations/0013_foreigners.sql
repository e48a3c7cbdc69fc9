CREATE TABLE "departures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"departed_on" date NOT NULL,
	"unit_code" text NOT NULL,
	"place" text NOT NULL,
	"recorded_by" uuid,
	"request_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "foreigners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nationality" char(3) NOT NULL,
	"birth_date" date NOT NULL,
	"surname" text NOT NULL,
	"given_names" text NOT NULL,
	"sex" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "travel_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"nationality" char(3) NOT NULL,
	"number" text NOT NULL,
	"birth_date" date NOT NULL,
	"issuing_state" char(3) NOT NULL,
	"expires_on" date,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "departures" ADD CONSTRAINT "departures_foreigner_id_foreigners_id_fk" FOREIGN KEY ("foreigner_id") REFERENCES "public"."foreigners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_foreigner_id_foreigners_id_fk" FOREIGN KEY ("foreigner_id") REFERENCES "public"."foreigners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departures_foreigner_idx" ON "departures" USING btree ("foreigner_id","departed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "departures_request_key" ON "departures" USING btree ("request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "foreigners_nationality_idx" ON "foreigners" USING btree ("nationality");--> statement-breakpoint
CREATE UNIQUE INDEX "travel_documents_identity_key" ON "travel_documents" USING btree ("nationality","number","birth_date");--> statement-breakpoint
CREATE INDEX "travel_documents_foreigner_idx" ON "travel_documents" USING btree ("foreigner_id");