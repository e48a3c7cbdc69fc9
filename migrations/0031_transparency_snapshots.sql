CREATE TABLE "transparency_snapshots" (
	"year" integer PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL
);
