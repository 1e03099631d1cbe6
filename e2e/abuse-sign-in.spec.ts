import { request } from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_OWNER } from "../playwright.config";
import { signInToConsole } from "./console-sign-in";

/** One HTTP exchange from a chosen loopback source address (127.0.0.0/8 is all this machine). */
function send(
  url: string,
  from: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? "GET", headers: init.headers, localAddress: from },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A password guess straight at Auth.js (as a script would), from `from`, claiming to be `forwardedFor`. */
async function guess(base: string, from: string, email: string, forwardedFor: string) {
  const csrf = await send(`${base}/api/auth/csrf`, from);
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send(`${base}/api/auth/callback/credentials`, from, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      "x-forwarded-for": forwardedFor,
    },
    body: new URLSearchParams({ email, password: "not the password", csrfToken }).toString(),
  });
  return new URL(String(answer.headers.location), base).searchParams.get("code");
}

test("a stranger rotating X-Forwarded-For is throttled, and the owner still signs in from elsewhere", async ({
  page,
  baseURL,
}) => {
  const codes: (string | null)[] = [];
  for (let i = 0; i < 12; i++)
    codes.push(await guess(baseURL!, "127.0.0.3", E2E_OWNER.email, `203.0.113.${i + 1}`));
  expect(codes.slice(0, 10).every((c) => c === "wrong_credentials")).toBe(true);
  expect(codes.slice(10)).toEqual(["rate_limited", "rate_limited"]);

  await signInToConsole(page, "/admin");
});

test("a throttled sign-in says so instead of 'wrong password'", async ({ page }) => {
  const email = `nobody-${Date.now()}@e2e.test`;
  await page.goto("/signin");
  /** One submission, waiting for its answer (the message reads the same after each wrong guess). */
  const submit = async (password: string) => {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && /\/signin/.test(r.url())),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    // React resets the form once the answer is rendered: only then is the next guess typed.
    await expect(page.getByLabel("Password")).toHaveValue("");
  };
  for (let i = 0; i < 10; i++) {
    await submit(`wrong guess ${i}`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await submit("one more guess");
  await expect(page.getByText(/^Too many attempts, try again in \d+ s\.$/)).toBeVisible();
  await expect(page.getByText("Wrong email or password.")).toHaveCount(0);
});
