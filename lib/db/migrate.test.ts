import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { migrate } from "./migrate";
import { executeRows } from "./execute-rows";
import { components, incidents, incidentUpdates, notificationOutbox } from "./schema";

describeEachEngine("migrations", ({ db, handle }) => {
  it("create every table of the domain", async () => {
    const rows = await executeRows<{ table_name: string }>(
      db(),
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "page_settings",
        "component_groups",
        "components",
        "component_status_events",
        "incidents",
        "incident_components",
        "incident_updates",
        "incident_update_components",
        "maintenances",
        "maintenance_components",
        "postmortems",
        "postmortem_action_items",
        "subscribers",
        "subscriber_components",
        "subscriber_tokens",
        "stakeholders",
        "notification_outbox",
        "users",
        "accounts",
        "sessions",
        "verification_tokens",
        "api_keys",
        "audit_log",
        "component_uptime_daily",
      ]),
    );
  });

  it("can be applied again without changing anything", async () => {
    await db().insert(components).values({ name: "API" });
    await migrate(handle());
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(components);
    expect(row?.n).toBe(1);
  });

  it("round-trips an incident with an update and enforces foreign keys", async () => {
    const [incident] = await db()
      .insert(incidents)
      .values({
        title: "API errors",
        severity: "SEV2",
        impact: "major",
        startedAt: new Date("2026-01-01T10:00:00Z"),
      })
      .returning();
    expect(incident!.id).toMatch(/^[0-9a-z]{12}$/);
    expect(incident!.state).toBe("investigating");
    await db()
      .insert(incidentUpdates)
      .values({ incidentId: incident!.id, state: "investigating", body: "Looking into it." });
    await expect(
      db()
        .insert(incidentUpdates)
        .values({ incidentId: "nosuchincide", state: "identified", body: "x" }),
    ).rejects.toThrow();
    await expect(
      db().insert(notificationOutbox).values({
        idempotencyKey: "k",
        channel: "email",
        audience: "public",
        eventType: "t",
        subjectId: "s",
        recipient: "a@b.c",
      }),
    ).resolves.toBeDefined();
    await expect(
      db().insert(notificationOutbox).values({
        idempotencyKey: "k",
        channel: "email",
        audience: "public",
        eventType: "t",
        subjectId: "s",
        recipient: "a@b.c",
      }),
    ).rejects.toThrow();
  });
});
