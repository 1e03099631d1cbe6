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

// Two people, each signing in and walking several console pages on one 2-core machine: a budget, not a timing claim.
test.describe.configure({ timeout: 150_000 });

test("two leads publish at once: the second sees the first's update inline, keeps the draft and publishes with one more click", async ({
  page: leadA,
  browser,
}) => {
  await signIn(leadA, "/admin");
  const b = await addMember(leadA);
  const url = await declare(leadA, { title: `Login failures ${Date.now()}` });
  const leadB = await secondPerson(browser, b, new URL(url).pathname);

  // B writes a draft; a reload (or a crashed tab) does not lose it.
  const draft = "**Current status:** Logins are failing for EU customers; we are failing over.";
  await composer(leadB).getByLabel("Public update").fill(draft);
  await composer(leadB).getByLabel("Internal note").fill("EU DB primary is down");
  await leadB.reload();
  await expect(leadB.getByText(/Restored your unpublished draft/)).toBeVisible();
  await expect(composer(leadB).getByLabel("Public update")).toHaveValue(draft);
  await expect(composer(leadB).getByLabel("Internal note")).toHaveValue("EU DB primary is down");

  // Meanwhile A publishes, moving the incident to Identified.
  await leadA.reload();
  await composer(leadA).getByLabel("State").selectOption("identified");
  await composer(leadA)
    .getByLabel("Public update")
    .fill("**Current status:** The cause is a failed database primary in Frankfurt.");
  await composer(leadA).getByRole("button", { name: "Publish update" }).click();
  await expect(leadA.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();

  // B publishes from the page as it was: A's update is shown inline, the page catches up, the draft stays.
  // (B's page may already show A's update: it refreshes while deliveries are in flight. The
  // draft stays pinned to what B was answering, so publishing still surfaces A's update.)
  await composer(leadB).getByRole("button", { name: "Publish update" }).click();
  const meanwhile = leadB.getByRole("region", { name: "Published while you were writing" });
  await expect(meanwhile).toContainText("The cause is a failed database primary in Frankfurt.");
  await expect(meanwhile).toContainText(`by ${"owner@e2e.test"}`);
  await expect(leadB.getByText("State: Identified")).toBeVisible();
  await expect(timelineItems(leadB)).toHaveCount(2);
  await expect(leadB.getByRole("timer")).toHaveText(/^Next update due in/);
  await expect(composer(leadB).getByLabel("Public update")).toHaveValue(draft);
  await expect(composer(leadB).getByLabel("Internal note")).toHaveValue("EU DB primary is down");

  // One more click publishes B's update after A's.
  await composer(leadB).getByRole("button", { name: "Publish update anyway" }).click();
  await expect(leadB.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();
  await expect(meanwhile).toHaveCount(0);
  await expect(timelineItems(leadB)).toHaveCount(3);
  await expect(timelineItems(leadB).first()).toContainText("Logins are failing for EU customers");
  await expect(timelineItems(leadB).first()).toContainText("Identified");

  // Published, the draft is gone: a reload starts from the template again.
  await leadB.reload();
  await expect(composer(leadB).getByLabel("Public update")).not.toHaveValue(draft);
  await expect(leadB.getByText(/Restored your unpublished draft/)).toHaveCount(0);
  await resolveHere(leadB);
});
