-- Rollups are derived data: drop any before adding the validity columns (recomputed on demand).
DELETE FROM "component_uptime_daily";--> statement-breakpoint
ALTER TABLE "component_uptime_daily" ADD COLUMN "time_zone" text NOT NULL;--> statement-breakpoint
ALTER TABLE "component_uptime_daily" ADD COLUMN "computed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "status_events_created_idx" ON "component_status_events" USING btree ("created_at");