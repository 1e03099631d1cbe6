import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { CHAT_CHANNELS, subscribers } from "../db/schema";
import { createChatSubscriber, createComponent, createIncident } from "./test-helpers";
import { previewChatUpdate } from "./preview-chat-update";

const baseUrl = "http://status.test";

describeEachEngine("the composer's chat preview", ({ db }) => {
  it("shows the draft as each configured platform will, escaping undone and limits applied", async () => {
    const editor = await createMember(db(), "editor");
    const component = await createComponent(db(), "Checkout API");
    const { incident } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: "Payments <failing> & *slow*",
    });
    const input = {
      incidentId: incident.id,
      state: "identified",
      body: "We found the **cause**: a `<bad>` & `*risky*` deploy.\n\n" + "y".repeat(5000),
      internalNote: "Rollback under way",
    };
    expect(await previewChatUpdate({ ctx: editor, input, baseUrl })).toEqual([]);

    for (const channel of CHAT_CHANNELS)
      await createChatSubscriber(db(), channel, `https://hooks.example.com/${channel}`);
    await createChatSubscriber(db(), "slack", "https://hooks.example.com/exec", {
      audience: "internal",
    });
    const previews = await previewChatUpdate({ ctx: editor, input, baseUrl });
    expect(previews.map((p) => `${p.channel}:${p.audience}`)).toEqual([
      "discord:public",
      "google_chat:public",
      "mattermost:public",
      "slack:internal",
      "slack:public",
      "teams:public",
    ]);
    for (const p of previews) {
      expect(p.title, p.channel).toMatch(/Identified: Payments <failing> & \*slow\*$/);
      // Markdown reduced to its words; the platform's escaping undone, so text reads as typed.
      expect(p.body, p.channel).toMatch(/^We found the cause: a <bad> & \*risky\* deploy\./);
      expect(p.fields, p.channel).toContainEqual({
        name: "Components",
        value: "Checkout API: Operational",
      });
      expect(
        p.fields.some((f) => f.value === "Rollback under way"),
        p.channel,
      ).toBe(p.audience === "internal");
    }
    // Slack's section holds 3,000 characters: the preview shows the cut.
    const slack = previews.find((p) => p.channel === "slack" && p.audience === "public")!;
    expect(slack.body.length).toBeLessThanOrEqual(3000);
    expect(slack.body.endsWith("…")).toBe(true);
    await db()
      .delete(subscribers)
      .where(eq(subscribers.webhookUrl, "https://hooks.example.com/exec"));
  });

  it("viewers cannot preview, and a bad draft is refused with the field named", async () => {
    const viewer = await createMember(db(), "viewer");
    const editor = await createMember(db(), "editor");
    const { incident } = await createIncident(db());
    await expect(
      previewChatUpdate({
        ctx: viewer,
        input: { incidentId: incident.id, state: "identified", body: "x" },
        baseUrl,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      previewChatUpdate({
        ctx: editor,
        input: { incidentId: incident.id, state: "exploded", body: "x" },
        baseUrl,
      }),
    ).rejects.toMatchObject({ code: "invalid", fields: { state: "Choose a state." } });
    await expect(
      previewChatUpdate({
        ctx: editor,
        input: { incidentId: "nope00000000", state: "identified", body: "x" },
        baseUrl,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
