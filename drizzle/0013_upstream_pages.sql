CREATE TABLE "upstream_components" (
	"id" text PRIMARY KEY NOT NULL,
	"upstream_page_id" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"group_name" text,
	"status" "component_status" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"shown" boolean DEFAULT false NOT NULL,
	"missing_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_dependencies" (
	"upstream_component_id" text NOT NULL,
	"component_id" text NOT NULL,
	CONSTRAINT "upstream_dependencies_upstream_component_id_component_id_pk" PRIMARY KEY("upstream_component_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "upstream_incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"upstream_page_id" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"impact" text NOT NULL,
	"component_external_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"draft_id" text
);
--> statement-breakpoint
CREATE TABLE "upstream_pages" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"page_name" text,
	"label" text,
	"position" integer DEFAULT 0 NOT NULL,
	"unknown_since" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upstream_pages_url_unique" UNIQUE("url")
);
--> statement-breakpoint
CREATE TABLE "upstream_polls" (
	"upstream_page_id" text PRIMARY KEY NOT NULL,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"etag" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_polled_at" timestamp with time zone,
	"last_success_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "incident_drafts" ADD COLUMN "upstream_page_id" text;--> statement-breakpoint
ALTER TABLE "upstream_components" ADD CONSTRAINT "upstream_components_upstream_page_id_upstream_pages_id_fk" FOREIGN KEY ("upstream_page_id") REFERENCES "public"."upstream_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_dependencies" ADD CONSTRAINT "upstream_dependencies_upstream_component_id_upstream_components_id_fk" FOREIGN KEY ("upstream_component_id") REFERENCES "public"."upstream_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_dependencies" ADD CONSTRAINT "upstream_dependencies_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_incidents" ADD CONSTRAINT "upstream_incidents_upstream_page_id_upstream_pages_id_fk" FOREIGN KEY ("upstream_page_id") REFERENCES "public"."upstream_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_pages" ADD CONSTRAINT "upstream_pages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_polls" ADD CONSTRAINT "upstream_polls_upstream_page_id_upstream_pages_id_fk" FOREIGN KEY ("upstream_page_id") REFERENCES "public"."upstream_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_components_external_idx" ON "upstream_components" USING btree ("upstream_page_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_incidents_external_idx" ON "upstream_incidents" USING btree ("upstream_page_id","external_id");--> statement-breakpoint
CREATE INDEX "upstream_polls_due_idx" ON "upstream_polls" USING btree ("next_poll_at");--> statement-breakpoint
CALL herald_announce_changes_of('upstream_pages');--> statement-breakpoint
CALL herald_announce_changes_of('upstream_components');
