ALTER TABLE "detainees" ADD COLUMN "first_placed_on" date;--> statement-breakpoint
ALTER TABLE "detainees" ADD COLUMN "transferred_from_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "refugees_current_key" ON "refugees" USING btree ("foreigner_id") WHERE status = 'under_oversight';