import { describe, expect, it } from "vitest";
import { composerTemplate, dropEmptySections, holdingStatement, sectionText } from "./update-text";

describe("composer text", () => {
  it("prefills the comms structure with the affected components and the cadence promise", () => {
    const text = composerTemplate({
      state: "identified",
      componentNames: ["API", "Dashboard", "Webhooks"],
      cadenceMinutes: 30,
    });
    expect(text).toBe(
      [
        "**Impact:** Customers may see errors or slowness using API, Dashboard and Webhooks.",
        "**Current status:** We have identified the cause and are working on a fix.",
        "**Actions:**",
        "**Workaround:**",
        "**Next update:** Within 30 minutes, or sooner if anything changes.",
      ].join("\n\n"),
    );
  });

  it("words hour cadences naturally and says so when there is no cadence", () => {
    expect(
      composerTemplate({ state: "investigating", componentNames: [], cadenceMinutes: 60 }),
    ).toContain("Within the hour,");
    expect(
      composerTemplate({ state: "investigating", componentNames: [], cadenceMinutes: 240 }),
    ).toContain("Within 4 hours,");
    expect(
      composerTemplate({ state: "investigating", componentNames: [], cadenceMinutes: null }),
    ).toContain("when there is news");
  });

  it("offers a holding statement that names what is affected and keeps the next-update promise", () => {
    expect(
      holdingStatement({ state: "investigating", componentNames: ["Login"], cadenceMinutes: 30 }),
    ).toBe(
      "**Current status:** We are still working on the issue affecting Login. There is no new information to share yet.\n\n" +
        "**Next update:** Within 30 minutes, or sooner if anything changes.",
    );
  });

  it("publishes only the sections that were filled in", () => {
    const filled = composerTemplate({
      state: "investigating",
      componentNames: ["API"],
      cadenceMinutes: 30,
    }).replace("**Actions:**", "**Actions:** Rolling back.");
    expect(dropEmptySections(filled)).toBe(
      [
        "**Impact:** Customers may see errors or slowness using API.",
        "**Current status:** We are investigating the cause.",
        "**Actions:** Rolling back.",
        "**Next update:** Within 30 minutes, or sooner if anything changes.",
      ].join("\n\n"),
    );
    expect(dropEmptySections("**Impact:**\n\n**Workaround:**  ")).toBe("");
    expect(dropEmptySections("Plain text.\nSecond line.")).toBe("Plain text.\nSecond line.");
  });
});

describe("the composer's template follows the incident", () => {
  it("states what the chosen state means, and carries impact and workaround from the previous update", () => {
    const previousBody =
      "**Impact:** Card payments fail at checkout.\n\n**Current status:** Investigating.\n\n**Workaround:** Pay by invoice.";
    const body = composerTemplate({
      state: "monitoring",
      componentNames: ["Billing"],
      cadenceMinutes: 30,
      previousBody,
    });
    expect(body).toContain("**Impact:** Card payments fail at checkout.");
    expect(body).toContain(
      "**Current status:** A fix is in place and we are monitoring the results.",
    );
    expect(body).toContain("**Workaround:** Pay by invoice.");
    expect(sectionText(previousBody, "Current status")).toBe("Investigating.");
    expect(sectionText(previousBody, "Actions")).toBe("");
  });
});
