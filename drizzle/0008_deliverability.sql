CREATE TYPE "public"."suppression_reason" AS ENUM('bounced', 'complained');--> statement-breakpoint
CREATE TABLE "notification_delivery_counts" (
	"subject_id" text NOT NULL,
	"event_type" text NOT NULL,
	"channel" "channel" NOT NULL,
	"audience" "audience" NOT NULL,
	"state" "delivery_state" NOT NULL,
	"count" integer NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"last_queued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_delivery_counts_subject_id_event_type_channel_audience_state_pk" PRIMARY KEY("subject_id","event_type","channel","audience","state")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"email" text PRIMARY KEY NOT NULL,
	"reason" "suppression_reason" NOT NULL,
	"detail" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "outbox_due_idx";--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "delivery_counts_last_idx" ON "notification_delivery_counts" USING btree ("last_queued_at");--> statement-breakpoint
CREATE INDEX "outbox_provider_idx" ON "notification_outbox" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "notification_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "notification_outbox" USING btree ("state","next_attempt_at","id");