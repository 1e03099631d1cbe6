import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { anonymousActor } from "../context";
import { auditLog } from "../db/schema";
import { getPageSettings } from "./get-page-settings";
import { updatePageSettings } from "./update-page-settings";

const valid = {
  name: "Acme Status",
  url: "https://status.acme.test",
  timeZone: "Europe/Paris",
  logoUrl: "",
  brandColor: "#112233",
  supportLinks: [{ label: "Help", url: "https://acme.test/help" }],
  cadenceSev1: "15",
  cadenceSev2: "60",
  cadenceSev3: "240",
  cadenceSev4: "",
};

describeEachEngine("updatePageSettings", ({ db }) => {
  it("lets an owner save, and records who changed what in the audit log", async () => {
    const owner = await createMember(db(), "owner");
    const saved = await updatePageSettings({ ctx: owner, input: valid });
    expect(saved).toMatchObject({
      name: "Acme Status",
      timeZone: "Europe/Paris",
      cadenceSev1: 15,
      cadenceSev4: null,
    });
    const entries = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "settings.update"));
    expect(entries.at(-1)).toMatchObject({ actorLabel: owner.email, targetType: "page_settings" });
    expect(entries.at(-1)?.after).toMatchObject({ name: "Acme Status" });
  });

  it.each(["viewer", "editor"] as const)("refuses a %s and changes nothing", async (role) => {
    const before = await getPageSettings(db());
    const member = await createMember(db(), role);
    await expect(
      updatePageSettings({ ctx: member, input: { ...valid, name: "Hijacked" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await getPageSettings(db())).name).toBe(before.name);
  });

  it("refuses an anonymous caller", async () => {
    await expect(
      updatePageSettings({ ctx: { db: db(), actor: anonymousActor }, input: valid }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("names the bad field and writes nothing", async () => {
    const owner = await createMember(db(), "owner");
    const before = await getPageSettings(db());
    const error = await updatePageSettings({
      ctx: owner,
      input: {
        ...valid,
        name: "New name",
        brandColor: "blue",
        timeZone: "Mars/Base",
        pastIncidentDays: "90",
      },
    }).catch((e) => e);
    expect(error.code).toBe("invalid");
    expect(error.fields).toMatchObject({
      brandColor: "Use a colour like #2563eb.",
      timeZone: "Pick a time zone from the list.",
      pastIncidentDays: "At most 30 days; older incidents are in the history.",
    });
    expect((await getPageSettings(db())).name).toBe(before.name);
  });

  it("detects a stale form instead of overwriting a newer change", async () => {
    const owner = await createMember(db(), "owner");
    const loaded = await getPageSettings(db());
    await updatePageSettings({ ctx: owner, input: { ...valid, name: "First edit" } });
    await expect(
      updatePageSettings({
        ctx: owner,
        input: { ...valid, name: "Second edit", expectedUpdatedAt: loaded.updatedAt.toISOString() },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await getPageSettings(db())).name).toBe("First edit");
  });
});

describeEachEngine("updatePageSettings and the public page", ({ db, handle }) => {
  it("shows the new name on the public surfaces right after saving", async () => {
    const { loadStatusSnapshot } = await import("../public/status-snapshot");
    const { followPublicChanges } = await import("../public/public-changes");
    // What a server process does at start: the database announces every public change.
    const following = await followPublicChanges(handle());
    const owner = await createMember(db(), "owner");
    const name = async () => (await loadStatusSnapshot(async () => db())).value.settings.name;
    expect(await name()).not.toBe("Renamed Status");
    await updatePageSettings({ ctx: owner, input: { ...valid, name: "Renamed Status" } });
    await expect.poll(name, { timeout: 1000 }).toBe("Renamed Status");
    await following.stop();
  });
});
