-- A fan-out is expanded a chunk of subscribers per transaction (lib/worker/expand-fan-outs.ts), so
-- a large publish starts sending after its first chunk; this is where the next chunk starts.
ALTER TABLE "notification_fan_outs" ADD COLUMN "expanded_through" text;