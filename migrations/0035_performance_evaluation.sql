CREATE TABLE "performance_evaluation_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "performance_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"zi_area" text NOT NULL,
	"title" text NOT NULL,
	"storage_key" text NOT NULL,
	"media_type" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_evaluation_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"notes_updated_at" timestamp with time zone,
	"snapshot" jsonb,
	"score" double precision,
	"rank" integer
);
--> statement-breakpoint
CREATE TABLE "performance_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"half" smallint NOT NULL,
	"status" text DEFAULT 'opened' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_at" timestamp with time zone,
	"catalogue" jsonb
);
--> statement-breakpoint
CREATE TABLE "performance_targets" (
	"indicator_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"target" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_targets_indicator_code_unit_code_year_pk" PRIMARY KEY("indicator_code","unit_code","year")
);
--> statement-breakpoint
CREATE TABLE "performance_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"figure_code" text NOT NULL,
	"denominator_code" text,
	"measure" text NOT NULL,
	"direction" text NOT NULL,
	"period" text NOT NULL,
	"zi_area" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"description_id" text NOT NULL,
	"description_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "performance_evidence" ADD CONSTRAINT "performance_evidence_evaluation_id_performance_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."performance_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_evaluation_units" ADD CONSTRAINT "performance_evaluation_units_evaluation_id_performance_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."performance_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_targets" ADD CONSTRAINT "performance_targets_indicator_code_performance_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."performance_indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "performance_evaluation_actions_evaluation_idx" ON "performance_evaluation_actions" USING btree ("evaluation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_evaluation_actions_request_key" ON "performance_evaluation_actions" USING btree ("evaluation_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "performance_evidence_unit_idx" ON "performance_evidence" USING btree ("evaluation_id","unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_evaluation_units_key" ON "performance_evaluation_units" USING btree ("evaluation_id","unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_evaluations_semester_key" ON "performance_evaluations" USING btree ("year","half");--> statement-breakpoint
-- A frozen semester evaluation never changes: its row, its units' rows (notes, snapshot, rank) and its evidence are
-- refused any change by the database itself, whoever connects. Freezing writes the units' snapshots first, then the
-- evaluation's status, so the freeze itself passes.
CREATE FUNCTION performance_refuse_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  evaluation uuid;
BEGIN
  IF TG_TABLE_NAME = 'performance_evaluations' THEN
    evaluation := OLD.id;
  ELSIF TG_OP = 'INSERT' THEN
    evaluation := NEW.evaluation_id;
  ELSE
    evaluation := OLD.evaluation_id;
  END IF;
  -- FOR SHARE waits for a freeze under way and then sees it, so a write racing the freeze cannot slip in after it.
  IF EXISTS (SELECT 1 FROM performance_evaluations WHERE id = evaluation AND status = 'frozen' FOR SHARE) THEN
    RAISE EXCEPTION 'performance evaluation % is frozen', evaluation USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER performance_evaluations_frozen BEFORE UPDATE OR DELETE ON performance_evaluations
  FOR EACH ROW EXECUTE FUNCTION performance_refuse_frozen();
--> statement-breakpoint
CREATE TRIGGER performance_evaluation_units_frozen BEFORE INSERT OR UPDATE OR DELETE ON performance_evaluation_units
  FOR EACH ROW EXECUTE FUNCTION performance_refuse_frozen();
--> statement-breakpoint
CREATE TRIGGER performance_evidence_frozen BEFORE INSERT OR UPDATE OR DELETE ON performance_evidence
  FOR EACH ROW EXECUTE FUNCTION performance_refuse_frozen();
--> statement-breakpoint
CREATE FUNCTION performance_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM performance_evaluations WHERE status = 'frozen') THEN
    RAISE EXCEPTION 'frozen performance evaluations may not be truncated' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER performance_evaluations_truncate BEFORE TRUNCATE ON performance_evaluations
  FOR EACH STATEMENT EXECUTE FUNCTION performance_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER performance_evaluation_units_truncate BEFORE TRUNCATE ON performance_evaluation_units
  FOR EACH STATEMENT EXECUTE FUNCTION performance_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER performance_evidence_truncate BEFORE TRUNCATE ON performance_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION performance_refuse_truncate();
