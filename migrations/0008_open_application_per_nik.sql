-- Before this rule one person could hold several open applications of one type (one account held 25). Keep the one
-- furthest along (not "submitted"), else the earliest; every other open one is cancelled, with an action saying why,
-- so the unique index below can always be built. A NIK holds at most one live appointment (appointments_live_nik_key),
-- so at most one of them can be booked or at the office: the ones cancelled never hold a place.
WITH ranked AS (
	SELECT "id", "status", row_number() OVER (PARTITION BY "nik", "passport_type" ORDER BY "status" = 'submitted', "submitted_at" NULLS LAST, "created_at") AS n
	FROM "applications"
	WHERE "nik" IS NOT NULL AND "passport_type" IS NOT NULL AND "status" NOT IN ('draft', 'cancelled', 'handed_over', 'rejected', 'void')
), cancelled AS (
	UPDATE "applications" a SET "status" = 'cancelled', "status_at" = now()
	FROM ranked r WHERE a."id" = r."id" AND r.n > 1
	RETURNING a."id"
)
INSERT INTO "application_actions" ("application_id", "type", "payload")
SELECT "id", 'duplicate_cancelled', '{"status":"cancelled"}'::jsonb FROM cancelled;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_nik_type_key" ON "applications" USING btree ("nik","passport_type") WHERE status not in ('draft', 'cancelled', 'handed_over', 'rejected', 'void');