-- New outbox rows and fan-outs announce themselves on the channel herald_outbox at commit, so an
-- idle worker (in the server, or `npm run worker` on another machine) starts delivering at once
-- rather than at its next poll, whoever queued them. Listened to in lib/worker/follow-outbox.ts.
CREATE OR REPLACE FUNCTION herald_announce_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('herald_outbox', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER herald_outbox_insert AFTER INSERT ON notification_outbox FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_outbox();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER herald_fan_out_insert AFTER INSERT ON notification_fan_outs FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_outbox();
