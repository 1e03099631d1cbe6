import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { parseConfig } from "../config";
import { notificationOutbox } from "../db/schema";
import { describeEachEngine } from "../testing/databases";
import { startWorker } from "./run-worker";

describeEachEngine("new mail wakes the worker by construction", ({ db, handle }) => {
  it("a row queued by plain SQL, with no wake call, is taken at once, not at the next poll", async () => {
    // An idle worker that would not look again for ten minutes on its own.
    const worker = await startWorker(handle(), parseConfig({}), () => {}, { pollMs: 600_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await db().execute(sql`
        insert into notification_outbox
          (id, idempotency_key, channel, audience, event_type, subject_id, recipient)
        values ('wakeprobe1', 'wake-probe-1', 'email', 'public', 'probe.unknown', 'none', 'probe@example.test')`);
      // Taken and settled (an unknown event is recorded as skipped, with the reason).
      await expect
        .poll(
          async () =>
            (
              await db()
                .select({
                  state: notificationOutbox.state,
                  lastError: notificationOutbox.lastError,
                })
                .from(notificationOutbox)
                .where(eq(notificationOutbox.id, "wakeprobe1"))
            )[0],
          { timeout: 30_000 },
        )
        .toEqual({ state: "skipped", lastError: "Unknown event type probe.unknown." });
    } finally {
      await worker.stop();
    }
  });
});
