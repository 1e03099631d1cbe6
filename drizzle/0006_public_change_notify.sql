-- Every committed statement that changes a row of a public table announces it on
-- the channel herald_public_changes (delivered at commit, once per transaction and
-- table). Each Herald process listens and refreshes its public cache, so no writer
-- (web request, standalone worker, script, psql) has to remember to. The table list
-- is PUBLIC_TABLES in lib/public/public-changes.ts.
CREATE OR REPLACE FUNCTION herald_announce_public_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Statements that touched no row (an UPDATE … WHERE matching nothing) change nothing public.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM removed_rows) THEN RETURN NULL; END IF;
  END IF;
  PERFORM pg_notify('herald_public_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE PROCEDURE herald_announce_changes_of(t text)
LANGUAGE plpgsql AS $$
BEGIN
  -- A trigger with transition tables serves one event only: one trigger per event.
  EXECUTE format('CREATE OR REPLACE TRIGGER herald_public_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_public_change()', t);
  EXECUTE format('CREATE OR REPLACE TRIGGER herald_public_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_public_change()', t);
  EXECUTE format('CREATE OR REPLACE TRIGGER herald_public_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_public_change()', t);
  EXECUTE format('CREATE OR REPLACE TRIGGER herald_public_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_public_change()', t);
END
$$;
--> statement-breakpoint
CALL herald_announce_changes_of('page_settings');--> statement-breakpoint
CALL herald_announce_changes_of('component_groups');--> statement-breakpoint
CALL herald_announce_changes_of('components');--> statement-breakpoint
CALL herald_announce_changes_of('component_status_events');--> statement-breakpoint
CALL herald_announce_changes_of('incidents');--> statement-breakpoint
CALL herald_announce_changes_of('incident_components');--> statement-breakpoint
CALL herald_announce_changes_of('incident_updates');--> statement-breakpoint
CALL herald_announce_changes_of('incident_update_components');--> statement-breakpoint
CALL herald_announce_changes_of('maintenances');--> statement-breakpoint
CALL herald_announce_changes_of('maintenance_components');--> statement-breakpoint
CALL herald_announce_changes_of('maintenance_updates');--> statement-breakpoint
CALL herald_announce_changes_of('postmortems');--> statement-breakpoint
CALL herald_announce_changes_of('postmortem_action_items');
