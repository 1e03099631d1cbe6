ALTER TYPE "public"."channel" ADD VALUE 'sms';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'sms';--> statement-breakpoint
CREATE TABLE "sms_verifications" (
	"subscriber_id" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "sms_all_updates" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_verifications" ADD CONSTRAINT "sms_verifications_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_phone_unique" ON "subscribers" USING btree ("phone","audience") WHERE "subscribers"."phone" is not null;