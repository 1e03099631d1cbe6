import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createDevMailboxTransport } from "../mail/dev-mailbox-transport";
import { getDevMail, listDevMail } from "./delivery-status";

describeEachEngine("development mailbox access", ({ db }) => {
  async function keepConfirmationMail() {
    await createDevMailboxTransport(db()).send({
      to: "reader@example.test",
      subject: "Confirm your subscription",
      html: "<a href='http://status.test/subscribe/confirm?token=secret-token'>Confirm</a>",
      text: "http://status.test/subscribe/confirm?token=secret-token",
    });
    const owner = await createMember(db(), "owner");
    return (await listDevMail({ ctx: owner }))[0]!;
  }

  it("a viewer cannot list or open it: it holds confirmation links and internal mail", async () => {
    const mail = await keepConfirmationMail();
    const viewer = await createMember(db(), "viewer");
    await expect(listDevMail({ ctx: viewer })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getDevMail({ ctx: viewer, id: mail.id })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("editors and owners read it", async () => {
    const mail = await keepConfirmationMail();
    for (const role of ["editor", "owner"] as const) {
      const member = await createMember(db(), role);
      expect((await listDevMail({ ctx: member })).map((m) => m.id)).toContain(mail.id);
      expect((await getDevMail({ ctx: member, id: mail.id })).text).toContain("secret-token");
    }
  });
});
