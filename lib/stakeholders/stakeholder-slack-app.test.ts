import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { HeraldError } from "../errors";
import { createComponent, createIncident } from "../notifications/test-helpers";
import { previewChatUpdate } from "../notifications/preview-chat-update";
import { addStakeholderSlackChannel } from "./stakeholder-slack-app";
import { listStakeholderChats } from "./stakeholder-chats";

describeEachEngine("stakeholder Slack channels (app mode)", ({ db }) => {
  it("an editor adds a channel by id when SLACK_BOT_TOKEN is set; the list and preview show it", async () => {
    const editor = await createMember(db(), "editor");
    const viewer = await createMember(db(), "viewer");
    const add = (ctx: typeof editor, channelId: string, enabled = true) =>
      addStakeholderSlackChannel({ ctx, input: { channelId }, enabled });

    await expect(add(editor, "C0123ABCD", false)).rejects.toMatchObject({ code: "invalid" });
    await expect(add(viewer, "C0123ABCD")).rejects.toMatchObject({ code: "forbidden" });
    await expect(add(editor, "#exec-incidents")).rejects.toBeInstanceOf(HeraldError);
    const row = await add(editor, " c0123abcd ");
    expect(row).toMatchObject({ kind: "slack_app", slackChannelId: "C0123ABCD", state: "active" });
    await expect(add(editor, "C0123ABCD")).rejects.toMatchObject({ code: "conflict" });
    expect(await listStakeholderChats({ ctx: viewer })).toContainEqual(
      expect.objectContaining({ kind: "slack_app", url: "C0123ABCD", state: "active" }),
    );

    const component = await createComponent(db(), "Checkout API");
    const { incident } = await createIncident(db(), {
      affected: { [component.id]: "major_outage" },
      title: "Payments <failing>",
    });
    const previews = await previewChatUpdate({
      ctx: editor,
      input: {
        incidentId: incident.id,
        state: "identified",
        body: "Found it & fixing",
        internalNote: "Acme hit",
      },
      baseUrl: "http://status.test",
    });
    expect(previews).toContainEqual(
      expect.objectContaining({
        channel: "slack_app",
        label: "Slack channel (app)",
        audience: "internal",
        title: "[Internal] Identified: Payments <failing>",
        body: "Found it & fixing",
      }),
    );
  });
});
