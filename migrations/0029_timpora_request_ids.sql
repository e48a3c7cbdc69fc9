DROP INDEX "timpora_findings_request_key";--> statement-breakpoint
DROP INDEX "timpora_meetings_request_key";--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_findings_request_key" ON "timpora_findings" USING btree ("operation_id","recorded_by","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "timpora_meetings_request_key" ON "timpora_meetings" USING btree ("team_id","recorded_by","request_id") WHERE request_id is not null;