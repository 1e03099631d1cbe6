import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { PATCH as patchIntegrationRoute } from "@/app/api/v1/integrations/[id]/route";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent } from "../testing/console-factories";
import { createApiKey } from "../api-keys/create-api-key";
import { auditLog, integrations } from "../db/schema";
import { createIntegration } from "./create-integration";
import { updateIntegration } from "./update-integration";

describeEachEngine("integration rules edited after creation", ({ db, handle }) => {
  it("PATCH changes rules and hold-down with the creation schema, audited; a read-only key gets 403", async () => {
    (globalThis as { __heraldDb?: Promise<unknown> }).__heraldDb = Promise.resolve(handle());
    const owner = await createMember(db(), "owner");
    const { key } = await createApiKey({ ctx: owner, input: { name: "ops", scope: "write" } });
    const { key: readKey } = await createApiKey({
      ctx: owner,
      input: { name: "ro", scope: "read" },
    });
    const component = await createTestComponent(db());
    const integration = await createIntegration({
      ctx: owner,
      input: { type: "alertmanager", name: "Prom" },
    });
    const patch = (apiKey: string, body: unknown) =>
      patchIntegrationRoute(
        new Request(`http://herald.test/api/v1/integrations/${integration.id}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: integration.id }) },
      );
    const rules = [
      { match: { team: "payments" }, components: [component.id], actions: ["status", "draft"] },
    ];

    expect((await patch(readKey, { rules })).status).toBe(403);
    const bad = await patch(key, { rules: [{ match: {}, actions: [] }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Give the rule at least one action.");
    const unknown = await patch(key, {
      rules: [{ components: ["nosuchcompo1"], actions: ["draft"] }],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("nosuchcompo1");
    const stored = async () =>
      (await db().select().from(integrations).where(eq(integrations.id, integration.id)))[0]!;
    expect((await stored()).rules).toEqual([]);

    const ok = await patch(key, { rules, hold_down_seconds: 120 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      hold_down_seconds: 120,
      rules: [{ match: { team: "payments" } }],
    });
    expect(await stored()).toMatchObject({ holdDownSeconds: 120, name: "Prom" });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "integration.update"), eq(auditLog.targetId, integration.id)));
    expect(entry).toMatchObject({
      actorLabel: "api-key:ops",
      before: expect.objectContaining({ rules: [], hold_down_seconds: 60 }),
      after: expect.objectContaining({ hold_down_seconds: 120 }),
    });
  });

  it("a viewer cannot edit; an empty rules list goes back to the default rule", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const integration = await createIntegration({
      ctx: editor,
      input: { type: "generic", name: "Gen", rules: [{ actions: ["draft"] }] },
    });
    await expect(
      updateIntegration({ ctx: viewer, input: { integrationId: integration.id, rules: [] } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const updated = await updateIntegration({
      ctx: editor,
      input: { integrationId: integration.id, rules: [] },
    });
    expect(updated.rules).toEqual([]);
    await expect(
      updateIntegration({ ctx: editor, input: { integrationId: "nosuchinteg1", rules: [] } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
