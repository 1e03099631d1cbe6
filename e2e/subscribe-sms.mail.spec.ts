import { expect, test } from "@playwright/test";
import { E2E_TWILIO_PORT } from "../playwright.config";
import {
  STAND_IN_AUTH_TOKEN,
  startTwilioStandIn,
  type TwilioStandIn,
} from "../lib/testing/twilio-stand-in";
import { twilioSignature } from "../lib/sms/signature";

// Like *.mail.spec.ts, for the PGlite server only: it is the one pointed at the Twilio stand-in.
let twilio: TwilioStandIn;
test.beforeAll(async () => {
  twilio = await startTwilioStandIn(E2E_TWILIO_PORT);
});
test.afterAll(async () => {
  await twilio?.close();
});

test("a visitor subscribes by text: number, the texted code, subscribed", async ({ page }) => {
  test.setTimeout(120_000);
  const phone = `+1415555${String(Date.now() % 10_000).padStart(4, "0")}`;
  await page.goto("/subscribe");
  await page.getByRole("link", { name: "Get updates by text message" }).click();
  await page.getByLabel("Mobile number").fill(phone.replace("+1", "+1 "));
  await page.getByRole("button", { name: "Text me a code" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "We texted a 6-digit code" }),
  ).toBeVisible();

  // The worker may be finishing a batch claimed before the stand-in was up: allow it that lease.
  await expect.poll(() => twilio.codeFor(phone), { timeout: 90_000 }).toMatch(/^\d{6}$/);
  await page.getByRole("textbox", { name: "Code" }).fill(twilio.codeFor(phone)!);
  await page.getByRole("button", { name: "Start the texts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Subscribed" })).toBeVisible();
});

test("Twilio's inbound webhook: a forged STOP is refused, a signed one answers empty TwiML", async ({
  request,
  baseURL,
}) => {
  const url = `${baseURL}/api/twilio/inbound`;
  const params: [string, string][] = [
    ["From", "+14155559999"],
    ["Body", "STOP"],
  ];
  const form = Object.fromEntries(params);
  const forged = await request.post(url, {
    form,
    headers: { "X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl" },
  });
  expect(forged.status()).toBe(403);
  const signed = await request.post(url, {
    form,
    headers: { "X-Twilio-Signature": twilioSignature(STAND_IN_AUTH_TOKEN, url, params) },
  });
  expect(signed.status()).toBe(200);
  expect(await signed.text()).toContain("<Response></Response>");
});
