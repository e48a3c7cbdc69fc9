CREATE INDEX "application_actions_type_at_idx" ON "application_actions" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "billings_created_idx" ON "billings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "billings_paid_idx" ON "billings" USING btree ("paid_at");