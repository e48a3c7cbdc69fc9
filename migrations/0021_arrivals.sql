CREATE TABLE "arrivals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"foreigner_id" uuid NOT NULL,
	"arrived_on" date NOT NULL,
	"unit_code" text NOT NULL,
	"place" text NOT NULL,
	"recorded_by" uuid,
	"request_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "arrivals" ADD CONSTRAINT "arrivals_foreigner_id_foreigners_id_fk" FOREIGN KEY ("foreigner_id") REFERENCES "public"."foreigners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arrivals_foreigner_idx" ON "arrivals" USING btree ("foreigner_id","arrived_on","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "arrivals_request_key" ON "arrivals" USING btree ("recorded_by","request_id") WHERE request_id is not null;