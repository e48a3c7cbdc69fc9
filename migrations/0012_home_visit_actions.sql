CREATE TABLE "home_visit_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE INDEX "home_visit_actions_visit_idx" ON "home_visit_actions" USING btree ("visit_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "home_visit_actions_request_key" ON "home_visit_actions" USING btree ("visit_id","request_id") WHERE request_id is not null;--> statement-breakpoint
-- Visits kept their history in outreach_actions; it moves, with its ids (so its order), to the visits' own table.
INSERT INTO "home_visit_actions" ("id", "visit_id", "type", "actor_id", "at", "payload", "request_id")
SELECT "id", "subject_id", "type", "actor_id", "at", "payload", "request_id" FROM "outreach_actions" WHERE "subject_type" = 'visit';--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('home_visit_actions', 'id'), coalesce(max("id"), 0) + 1, false) FROM "home_visit_actions";--> statement-breakpoint
DELETE FROM "outreach_actions" WHERE "subject_type" = 'visit';--> statement-breakpoint
ALTER TABLE "outreach_actions" DROP COLUMN "subject_type";