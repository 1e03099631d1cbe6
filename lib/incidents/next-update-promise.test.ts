import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { declareTestIncident, writeCounts } from "../testing/console-factories";
import { publishIncidentUpdate } from "./publish-incident-update";
import { loadIncidentPage } from "../public/public-pages";

const MINUTE = 60_000;

describeEachEngine("an explicit next update time", ({ db }) => {
  it("may be earlier than the cadence, or later with a reason only the console keeps", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor); // SEV1: every 30 min
    const id = declared.incident.id;
    const soon = new Date(Date.now() + 10 * MINUTE);
    const earlier = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: id,
        state: "investigating",
        body: "Soon.",
        nextUpdateBy: soon.toISOString(),
      },
    });
    expect(earlier.update.nextUpdateBy).toEqual(soon);
    expect(earlier.update.nextUpdateReason).toBeNull();

    const later = new Date(Date.now() + 90 * MINUTE);
    const before = await writeCounts(db());
    const refused = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: id,
        state: "identified",
        body: "Later.",
        nextUpdateBy: later.toISOString(),
      },
    }).catch((e) => e);
    expect(refused.fields).toEqual({
      nextUpdateReason:
        "This is later than the 30-minute cadence: say why (only the console shows it).",
    });
    expect(await writeCounts(db())).toEqual(before);

    const { update } = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: id,
        state: "identified",
        body: "Later.",
        nextUpdateBy: later.toISOString(),
        nextUpdateReason: "Vendor call at the top of the hour",
      },
    });
    expect(update.nextUpdateBy).toEqual(later);
    expect(update.nextUpdateReason).toBe("Vendor call at the top of the hour");
    // The public page promises the time and never shows the reason.
    const page = await loadIncidentPage(async () => db(), id);
    expect(page.value?.updates[0]?.nextUpdateBy).toEqual(later);
    expect(JSON.stringify(page.value)).not.toContain("Vendor call");
  });

  it("must come after the update", async () => {
    const editor = await createMember(db(), "editor");
    const declared = await declareTestIncident(editor);
    const error = await publishIncidentUpdate({
      ctx: editor,
      input: {
        incidentId: declared.incident.id,
        state: "investigating",
        body: "x",
        nextUpdateBy: new Date(Date.now() - MINUTE).toISOString(),
      },
    }).catch((e) => e);
    expect(error.fields).toEqual({
      nextUpdateBy: "The next update must be promised for after this update.",
    });
  });
});
