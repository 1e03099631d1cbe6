ALTER TYPE "public"."channel" ADD VALUE 'slack';--> statement-breakpoint
ALTER TYPE "public"."channel" ADD VALUE 'teams';--> statement-breakpoint
ALTER TYPE "public"."channel" ADD VALUE 'discord';--> statement-breakpoint
ALTER TYPE "public"."channel" ADD VALUE 'google_chat';--> statement-breakpoint
ALTER TYPE "public"."channel" ADD VALUE 'mattermost';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'slack';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'teams';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'discord';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'google_chat';--> statement-breakpoint
ALTER TYPE "public"."subscriber_kind" ADD VALUE 'mattermost';--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "audience" "audience" DEFAULT 'public' NOT NULL;