ALTER TYPE "public"."channel" ADD VALUE 'slack_app';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'slack_app';--> statement-breakpoint
CREATE TABLE "slack_threads" (
	"subscriber_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"root_row_id" text NOT NULL,
	"root_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_threads_subscriber_id_incident_id_pk" PRIMARY KEY("subscriber_id","incident_id")
);
--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "slack_channel_id" text;--> statement-breakpoint
ALTER TABLE "slack_threads" ADD CONSTRAINT "slack_threads_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_threads" ADD CONSTRAINT "slack_threads_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;