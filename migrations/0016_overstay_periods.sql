DROP INDEX "overstays_permit_key";--> statement-breakpoint
ALTER TABLE "overstays" ADD COLUMN "started_on" date;--> statement-breakpoint
-- Until now a permit had one overstay, which began on its first day over.
UPDATE "overstays" SET "started_on" = "first_day";--> statement-breakpoint
ALTER TABLE "overstays" ALTER COLUMN "started_on" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "overstays_period_key" ON "overstays" USING btree ("permit_id","first_day");
