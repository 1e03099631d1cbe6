CREATE TABLE "maintenance_reminders" (
	"maintenance_id" text NOT NULL,
	"lead_hours" integer NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_reminders_maintenance_id_lead_hours_scheduled_for_pk" PRIMARY KEY("maintenance_id","lead_hours","scheduled_for")
);
--> statement-breakpoint
ALTER TABLE "page_settings" ADD COLUMN "past_incident_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "page_settings" ADD COLUMN "maintenance_reminder_hours" jsonb DEFAULT '[24,1]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenances" ADD COLUMN "repeat" text;--> statement-breakpoint
ALTER TABLE "maintenances" ADD COLUMN "repeat_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenances" ADD COLUMN "series_id" text;--> statement-breakpoint
ALTER TABLE "maintenance_reminders" ADD CONSTRAINT "maintenance_reminders_maintenance_id_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "maintenances_series_occurrence_idx" ON "maintenances" USING btree ("series_id","scheduled_for");