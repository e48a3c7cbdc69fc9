ALTER TABLE "appointments" ALTER COLUMN "nik" DROP NOT NULL;--> statement-breakpoint
-- Biometrics visits for stay-permit services were counted from permit_applications.biometrics_on against
-- permit_biometrics_capacity; they now hold places in appointments' stay_permit channel. Each open application's visit
-- (as the old count took them) becomes a live appointment, and each day they fall on gets its counter with the
-- capacity that day had (never below what is booked), so no day is overbooked or loses a place.
WITH visits AS (
	INSERT INTO "appointments" ("application_id", "unit_code", "date", "channel", "state")
	SELECT "id", "unit_code", "biometrics_on", 'stay_permit', 'paid' FROM "permit_applications"
	WHERE "biometrics_on" IS NOT NULL AND "status" IN ('billed', 'paid', 'scheduled', 'verified')
	RETURNING "unit_code", "date"
)
INSERT INTO "day_quotas" ("unit_code", "date", "channel", "capacity", "booked")
SELECT v."unit_code", v."date", 'stay_permit', greatest(count(*)::int, coalesce((
	SELECT c."per_day" FROM "permit_biometrics_capacity" c
	WHERE c."unit_code" IN (v."unit_code", '*') AND c."valid_from" <= v."date"
	ORDER BY c."unit_code" = '*', c."valid_from" DESC LIMIT 1
), 0)), count(*)::int
FROM visits v GROUP BY v."unit_code", v."date";--> statement-breakpoint
ALTER TABLE "permit_biometrics_capacity" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "permit_biometrics_capacity" CASCADE;--> statement-breakpoint
DROP INDEX "permit_applications_biometrics_idx";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_nik" CHECK ("appointments"."channel" = 'stay_permit' or "appointments"."nik" is not null);
