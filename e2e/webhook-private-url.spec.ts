import { expect, test } from "@playwright/test";
import { signInToConsole } from "./console-sign-in";

test("an editor cannot point a webhook at an internal address: the URL field says why", async ({
  page,
}) => {
  await signInToConsole(page, "/admin/subscribers");
  const url = page.getByLabel("Webhook URL");
  for (const internal of ["http://169.254.169.254/latest/meta-data/", "http://2130706433:5432/"]) {
    await url.fill(internal);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(url).toHaveAccessibleDescription(/does not send to private, loopback/);
    await expect(page.getByText(/signing secret, shown only now/)).toHaveCount(0);
  }
  await expect(page.getByText("169.254.169.254")).toHaveCount(0);
});
