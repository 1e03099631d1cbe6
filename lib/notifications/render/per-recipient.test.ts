import { expect, it } from "vitest";
import { describeEachEngine } from "../../testing/databases";
import { deliverOutboxBatch } from "../../worker/deliver-outbox";
import { enqueueIncidentUpdateNotifications } from "../enqueue-incident-update";
import {
  createComponent,
  createEmailSubscriber,
  createIncident,
  createStakeholder,
  recordingTransport,
} from "../test-helpers";
import { createRenderContext } from "./render-context";

const baseUrl = "https://status.acme.test";
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;");

/** The email of one update is rendered once per batch; each recipient still gets their own links and headers. */
describeEachEngine("per-recipient parts of a shared rendering", ({ db }) => {
  it("every subscriber's email carries their own manage, unsubscribe and one-click links, and bulk headers", async () => {
    const c = await createComponent(db(), "API");
    const subs = await Promise.all(
      [0, 1, 2].map(() => createEmailSubscriber(db(), { componentIds: [c.id] })),
    );
    const exec = await createStakeholder(db());
    const { incident, update } = await createIncident(db(), {
      affected: { [c.id]: "major_outage" },
    });
    await db().transaction((tx) =>
      enqueueIncidentUpdateNotifications(tx, { incidentId: incident.id, updateId: update.id }),
    );
    const now = new Date();
    const transport = recordingTransport();
    while ((await deliverOutboxBatch({ db: db(), transport, baseUrl, now: () => now })).claimed);

    const ctx = await createRenderContext(db(), baseUrl, now);
    const others = subs.map((s) => ctx.subscriberLinks(s.id));
    for (const [i, sub] of subs.entries()) {
      const mail = transport.sent.find((m) => m.to === sub.email)!;
      const mine = others[i]!;
      expect(mail.html).toContain(`href="${escapeHtml(mine.manageUrl)}"`);
      expect(mail.html).toContain(`href="${escapeHtml(mine.unsubscribeUrl)}"`);
      expect(mail.text).toContain(mine.manageUrl);
      expect(mail.text).toContain(mine.unsubscribeUrl);
      for (const other of others.filter((o) => o !== mine)) {
        expect(mail.html).not.toContain(escapeHtml(other.manageUrl));
        expect(mail.text).not.toContain(other.unsubscribeUrl);
      }
      expect(mail.html + mail.text).not.toContain("herald-slot");
      expect(mail.headers).toMatchObject({
        "Auto-Submitted": "auto-generated",
        "List-Id": `"${ctx.settings.name}" <subscribers.status.acme.test>`,
        "List-Unsubscribe": `<${mine.oneClickUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
    }
    const internal = transport.sent.find((m) => m.to === exec.email)!;
    expect(internal.headers).toMatchObject({
      "Auto-Submitted": "auto-generated",
      "List-Id": `"${ctx.settings.name}" <stakeholders.status.acme.test>`,
    });
    expect(internal.headers).not.toHaveProperty("List-Unsubscribe");
  });
});
