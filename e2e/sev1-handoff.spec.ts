import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import {
  addMember,
  composer,
  declare,
  resolveHere,
  secondPerson,
  timelineItems,
} from "./support/incident-console";
import { pageClockIn } from "./support/page-clock";

// Two people, each signing in and walking several console pages on one 2-core machine: a budget, not a timing claim.
test.describe.configure({ timeout: 150_000 });

test("a SEV1 is corrected (title, component), handed to a second lead, who promises a later update with a reason", async ({
  page: leadA,
  browser,
}) => {
  const stamp = Date.now();
  const oldTitle = `API errors ${stamp}`;
  const newTitle = `Card payments failing ${stamp}`;
  await signIn(leadA, "/admin");
  const b = await addMember(leadA);
  const url = await declare(leadA, { title: oldTitle });
  const path = new URL(url).pathname;
  const incidentId = path.split("/").pop()!;

  // A corrects the title, the severity and the component: Dashboard, not Billing, is failing.
  await leadA.locator("summary").filter({ hasText: "Edit details" }).click();
  const details = leadA.getByRole("form", { name: "Edit details" });
  await details.getByLabel("Incident title").fill(newTitle);
  await details.getByLabel("Incident severity").selectOption("SEV2");
  await details.getByLabel("Core Platform · Billing").selectOption("");
  await details.getByLabel("Core Platform · Dashboard").selectOption("partial_outage");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(leadA.getByText("Incident details saved.")).toBeVisible();
  await expect(leadA.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect(leadA.getByText("SEV2 · major: degraded for many users")).toBeVisible();
  const correction = leadA.locator("li[data-kind=details]");
  await expect(correction).toContainText(`title: ${oldTitle} → ${newTitle}`);
  await expect(correction).toContainText("Billing: affected → Billing: not affected");
  await expect(correction).toContainText("Dashboard: Partial outage");

  // Customers see the new title, the old one in its history, and Dashboard affected instead of Billing.
  const publicPage = await leadA.context().newPage();
  await publicPage.goto(`/incidents/${incidentId}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect(publicPage.getByRole("list", { name: "Title history" })).toContainText(
    `Previously titled “${oldTitle}”`,
  );
  const affectedOnPublic = publicPage.getByRole("region", { name: "Affected components" });
  await expect(affectedOnPublic).toContainText("Dashboard");
  await expect(affectedOnPublic).not.toContainText("Billing");

  // Halfway through, A hands the incident over to B.
  await leadA.locator("summary").filter({ hasText: "Hand over comms lead" }).click();
  await leadA.getByLabel("New comms lead").selectOption({ label: b.email });
  await leadA.getByRole("button", { name: "Hand over", exact: true }).click();
  await expect(leadA.getByText(`Comms lead: ${b.email}`)).toBeVisible();
  await expect(leadA.locator("li[data-kind=handoff]")).toContainText(
    `comms lead: owner@e2e.test → ${b.email}`,
  );
  await leadA.goto("/admin/audit?action=incident.handoff");
  await expect(leadA.getByRole("list", { name: "Audit entries" })).toContainText(
    "incident.handoff",
  );

  // B, now lead, promises the next update in 3 hours: later than the hourly SEV2 cadence needs a reason.
  const leadB = await secondPerson(browser, b, path);
  await expect(leadB.getByText(`Comms lead: ${b.email}`)).toBeVisible();
  await composer(leadB).getByLabel("State").selectOption("identified");
  await composer(leadB)
    .getByLabel("Public update")
    .fill("**Current status:** The card processor is rate limiting us; we are working with them.");
  // Typed as the page's clock reads (America/New_York), not the browser's.
  await composer(leadB).getByLabel("Next update by").fill(pageClockIn(180));
  await composer(leadB).getByRole("button", { name: "Publish update" }).click();
  await expect(
    composer(leadB).getByText(/later than the 60-minute cadence: say why/),
  ).toBeVisible();
  await composer(leadB)
    .getByLabel("Why later than the cadence (console only)")
    .fill("Processor's engineers report back at their shift change");
  await composer(leadB).getByRole("button", { name: "Publish update" }).click();
  await expect(leadB.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();
  await expect(timelineItems(leadB).first()).toContainText(
    "Later than the cadence because: Processor's engineers report back at their shift change",
  );
  await expect(leadB.getByRole("timer")).toHaveText(/^Next update due in 2 h 5\d min$/);

  // The public page shows the promise, never the reason.
  await publicPage.reload();
  await expect(publicPage.getByText(/Next update by/)).toBeVisible();
  await expect(publicPage.getByText("shift change")).toHaveCount(0);
  await resolveHere(leadB);
});
