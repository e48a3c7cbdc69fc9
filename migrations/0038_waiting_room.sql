CREATE TABLE "spent_waiting_room_passes" (
	"nonce" text PRIMARY KEY NOT NULL,
	"forget_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_room_places" (
	"unit_code" text NOT NULL,
	"account_id" uuid NOT NULL,
	"place" bigint NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"admit_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waiting_room_places_unit_code_account_id_pk" PRIMARY KEY("unit_code","account_id")
);
--> statement-breakpoint
CREATE TABLE "waiting_room_units" (
	"unit_code" text PRIMARY KEY NOT NULL,
	"last_place" bigint NOT NULL,
	"cursor" double precision NOT NULL,
	"cursor_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "spent_waiting_room_passes_forget_idx" ON "spent_waiting_room_passes" USING btree ("forget_at");--> statement-breakpoint
CREATE INDEX "waiting_room_places_admit_idx" ON "waiting_room_places" USING btree ("admit_at");