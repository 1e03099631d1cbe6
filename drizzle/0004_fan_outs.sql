CREATE TABLE "notification_fan_outs" (
	"id" text PRIMARY KEY NOT NULL,
	"spec" jsonb NOT NULL,
	"recipients" integer,
	"expanded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fan_outs_pending_idx" ON "notification_fan_outs" USING btree ("created_at") WHERE "notification_fan_outs"."expanded_at" is null;