CREATE TABLE "spent_form_proofs" (
	"nonce" text PRIMARY KEY NOT NULL,
	"subject_hash" text NOT NULL,
	"time_locked" boolean NOT NULL,
	"spent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"forget_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "spent_form_proofs_subject_idx" ON "spent_form_proofs" USING btree ("subject_hash","spent_at");--> statement-breakpoint
CREATE INDEX "spent_form_proofs_forget_idx" ON "spent_form_proofs" USING btree ("forget_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_last_failed_idx" ON "sign_in_failures" USING btree ("last_failed_at");