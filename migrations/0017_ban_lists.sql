CREATE TABLE "ban_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"max_months" integer NOT NULL,
	"extension_months" integer NOT NULL,
	"max_extensions" integer NOT NULL,
	"basis" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlist_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "list" text DEFAULT 'exit' NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "nationality" char(3);--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "foreigner_id" uuid;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "valid_from" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "extensions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "source" text DEFAULT 'officer' NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "source_ref" text;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "watchlist_actions" ADD CONSTRAINT "watchlist_actions_entry_id_watchlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."watchlist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "watchlist_actions_entry_idx" ON "watchlist_actions" USING btree ("entry_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_actions_request_key" ON "watchlist_actions" USING btree ("entry_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "watchlist_entries_document_idx" ON "watchlist_entries" USING btree ("document_number");--> statement-breakpoint
CREATE INDEX "watchlist_entries_list_added_idx" ON "watchlist_entries" USING btree ("list","added_at");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_entries_request_key" ON "watchlist_entries" USING btree ("added_by","request_id") WHERE request_id is not null;