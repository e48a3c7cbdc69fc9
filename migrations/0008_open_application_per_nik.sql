-- Before this rule one person could hold several open applications of one type (one account held 25). Keep each
-- person's earliest; the later ones that never got past "submitted" are cancelled, with an action saying why.
WITH ranked AS (
	SELECT "id", "status", row_number() OVER (PARTITION BY "nik", "passport_type" ORDER BY "submitted_at" NULLS LAST, "created_at") AS n
	FROM "applications"
	WHERE "nik" IS NOT NULL AND "passport_type" IS NOT NULL AND "status" NOT IN ('draft', 'cancelled', 'handed_over', 'rejected', 'void')
), cancelled AS (
	UPDATE "applications" a SET "status" = 'cancelled', "status_at" = now()
	FROM ranked r WHERE a."id" = r."id" AND r.n > 1 AND r."status" = 'submitted'
	RETURNING a."id"
)
INSERT INTO "application_actions" ("application_id", "type", "payload")
SELECT "id", 'cancelled', '{"reason":"duplicate_open_application"}'::jsonb FROM cancelled;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_nik_type_key" ON "applications" USING btree ("nik","passport_type") WHERE status not in ('draft', 'cancelled', 'handed_over', 'rejected', 'void');