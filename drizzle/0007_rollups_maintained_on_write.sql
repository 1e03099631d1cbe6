-- Daily uptime rollups are kept true on write, so that reading them never has to
-- check them against history (that check read every rollup with its events on each
-- load, and grew with history). A status event recorded, corrected or removed drops
-- the rollups of its component for the days it could affect (the day it took effect
-- and every later one: the status carries over); a change of the page's time zone
-- drops rollups counted in another zone. Readers recompute missing days.
CREATE OR REPLACE FUNCTION herald_drop_rollups_after_status_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  event_row component_status_events%ROWTYPE;
BEGIN
  IF TG_OP = 'DELETE' THEN event_row := OLD; ELSE event_row := NEW; END IF;
  DELETE FROM component_uptime_daily r
  WHERE r.component_id = event_row.component_id
    AND ((r.day + 1)::timestamp AT TIME ZONE r.time_zone) > event_row.at;
  -- An UPDATE may also have moved the event out of the days it affected before.
  IF TG_OP = 'UPDATE' AND (OLD.component_id, OLD.at) IS DISTINCT FROM (NEW.component_id, NEW.at) THEN
    DELETE FROM component_uptime_daily r
    WHERE r.component_id = OLD.component_id
      AND ((r.day + 1)::timestamp AT TIME ZONE r.time_zone) > OLD.at;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER herald_rollups_follow_status_events
AFTER INSERT OR UPDATE OR DELETE ON component_status_events
FOR EACH ROW EXECUTE FUNCTION herald_drop_rollups_after_status_event();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION herald_drop_rollups_of_other_time_zones() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM component_uptime_daily WHERE time_zone <> NEW.time_zone;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER herald_rollups_follow_time_zone
AFTER INSERT OR UPDATE OF time_zone ON page_settings
FOR EACH ROW EXECUTE FUNCTION herald_drop_rollups_of_other_time_zones();
--> statement-breakpoint
-- Rollups computed before these triggers existed may be stale: recompute them.
DELETE FROM component_uptime_daily;
