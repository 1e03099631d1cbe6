CREATE TYPE "public"."integration_type" AS ENUM('alertmanager', 'grafana', 'pagerduty', 'opsgenie', 'datadog', 'generic', 'heartbeat');--> statement-breakpoint
ALTER TYPE "public"."status_cause" ADD VALUE 'integration';--> statement-breakpoint
CREATE TABLE "inbound_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"integration_id" text NOT NULL,
	"key" text NOT NULL,
	"group_key" text,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"component_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_status" "component_status",
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	"restored_at" timestamp with time zone,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"draft_id" text
);
--> statement-breakpoint
CREATE TABLE "inbound_events" (
	"id" text PRIMARY KEY NOT NULL,
	"integration_id" text NOT NULL,
	"http_status" integer NOT NULL,
	"outcome" jsonb NOT NULL,
	"payload" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"integration_id" text,
	"group_key" text NOT NULL,
	"title" text NOT NULL,
	"severity" "severity" NOT NULL,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body" text NOT NULL,
	"first_alert_at" timestamp with time zone NOT NULL,
	"alerts_resolved_at" timestamp with time zone,
	"published_incident_id" text,
	"published_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" text PRIMARY KEY NOT NULL,
	"type" "integration_type" NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"signing_secret" text,
	"hold_down_seconds" integer DEFAULT 60 NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"heartbeat_interval_seconds" integer,
	"last_ping_at" timestamp with time zone,
	"heartbeat_down_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "component_status_events" ADD COLUMN "integration_id" text;--> statement-breakpoint
ALTER TABLE "inbound_alerts" ADD CONSTRAINT "inbound_alerts_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_alerts_key_idx" ON "inbound_alerts" USING btree ("integration_id","key");--> statement-breakpoint
CREATE INDEX "inbound_alerts_pending_idx" ON "inbound_alerts" USING btree ("status","applied_at");--> statement-breakpoint
CREATE INDEX "inbound_events_integration_idx" ON "inbound_events" USING btree ("integration_id","received_at");--> statement-breakpoint
CREATE INDEX "incident_drafts_group_idx" ON "incident_drafts" USING btree ("integration_id","group_key");