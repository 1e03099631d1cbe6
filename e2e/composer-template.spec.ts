import { expect, test } from "@playwright/test";
import { signInToConsole as signIn } from "./console-sign-in";
import { composer, declare, resolveHere } from "./support/incident-console";

test("the composer's template follows the chosen state and carries impact and workaround forward", async ({
  page,
}) => {
  await signIn(page, "/admin");
  await declare(page, { title: `Card payments failing ${Date.now()}` });
  const body = composer(page).getByLabel("Public update");
  await composer(page).getByLabel("State").selectOption("monitoring");
  await expect(body).toHaveValue(
    /\*\*Current status:\*\* A fix is in place and we are monitoring the results\./,
  );
  await composer(page).getByLabel("State").selectOption("identified");
  await expect(body).toHaveValue(/We have identified the cause and are working on a fix\./);

  await body.fill(
    "**Impact:** Card payments fail at checkout.\n\n**Current status:** The processor is down.\n\n**Workaround:** Pay by invoice.",
  );
  await composer(page).getByRole("button", { name: "Publish update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Update published." })).toBeVisible();
  // The next update starts from what usually stays the same.
  await expect(body).toHaveValue(/\*\*Impact:\*\* Card payments fail at checkout\./);
  await expect(body).toHaveValue(/\*\*Workaround:\*\* Pay by invoice\./);
  await composer(page).getByLabel("State").selectOption("monitoring");
  await expect(body).toHaveValue(/A fix is in place and we are monitoring the results\./);
  await expect(body).toHaveValue(/\*\*Workaround:\*\* Pay by invoice\./);
  await resolveHere(page);
});
