import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { bearer, createKeyInConsole } from "./support/api-keys";

/** /api/v1/subscribers as a script sees it: every type, per-component choice, clear refusals. */

type Listed = {
  id: string;
  type: string;
  state: string;
  url: string | null;
  components: string[] | null;
};

test("a script adds, lists and removes subscribers of every type; bad input is refused and changes nothing", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  await signIn(page, "/admin/api-keys");
  const writeKey = await createKeyInConsole(page, `Subscribers bot ${stamp}`, "Read and write");
  const readKey = await createKeyInConsole(page, `Subscribers reader ${stamp}`, "Read only");
  const list = async () =>
    (
      (await (await request.get("/api/v1/subscribers", { headers: bearer(readKey) })).json()) as {
        subscribers: Listed[];
      }
    ).subscribers;
  const before = (await list()).length;
  const post = (data: unknown, key = writeKey) =>
    request.post("/api/v1/subscribers", { headers: bearer(key), data });

  expect((await request.post("/api/v1/subscribers", { data: { type: "email" } })).status()).toBe(
    401,
  );
  expect((await post({ type: "email", email: `r-${stamp}@e2e.test` }, readKey)).status()).toBe(403);
  const text = await request.post("/api/v1/subscribers", {
    headers: { ...bearer(writeKey), "Content-Type": "text/plain" },
    data: "type=email",
  });
  expect(text.status()).toBe(415);
  const refusals: [unknown, Record<string, unknown>][] = [
    // The PGlite server texts through a Twilio stand-in (playwright.config.ts); the PostgreSQL one has no SMS.
    [
      { type: "sms", phone: "+15550100" },
      test.info().project.name === "pglite"
        ? { fields: { phone: expect.stringMatching(/country code/) } }
        : { message: expect.stringMatching(/SMS is not configured/) },
    ],
    [{ type: "carrier_pigeon" }, { fields: { type: expect.stringMatching(/Choose a type/) } }],
    [
      { type: "slack", url: "http://169.254.169.254/latest/meta-data/" },
      { fields: { url: expect.stringMatching(/private, loopback/) } },
    ],
    [
      {
        type: "discord",
        url: "https://discord.hooks.invalid/api/webhooks/1/x",
        components: ["zzzzzzzzzzzz"],
      },
      { fields: { components: expect.stringMatching(/Unknown component/) } },
    ],
    [
      { type: "email", email: "not an address" },
      { fields: { email: "Enter a valid email address." } },
    ],
  ];
  for (const [data, error] of refusals) {
    const refused = await post(data);
    expect(refused.status(), JSON.stringify(data)).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: "invalid", ...error } });
  }
  expect((await list()).length).toBe(before);

  const components = (await (
    await request.get("/api/v1/components", { headers: bearer(readKey) })
  ).json()) as { groups: { components: { id: string }[] }[] };
  const componentId = components.groups[0]!.components[0]!.id;
  const slackUrl = `https://slack.hooks.invalid/services/T0/B0/secret${stamp}`;
  const created = await Promise.all([
    post({ type: "email", email: `ops-${stamp}@e2e.test` }),
    post({ type: "webhook", url: `https://hooks.invalid/herald/${stamp}` }),
    post({ type: "slack", url: slackUrl, components: [componentId], skip_confirmation: true }),
    post({ type: "teams", url: `https://teams.hooks.invalid/workflows/${stamp}` }),
  ]);
  for (const response of created) expect(response.status()).toBe(201);
  const [email, webhook, slack, teams] = (await Promise.all(created.map((r) => r.json()))) as {
    subscriber: Listed;
    secret?: string;
  }[];
  expect(email!.subscriber).toMatchObject({ type: "email", state: "pending", components: null });
  expect(webhook!.secret).toMatch(/^whsec_/);
  expect(slack!.subscriber).toMatchObject({
    type: "slack",
    state: "active",
    components: [componentId],
  });
  // A chat webhook URL is a credential: shown shortened, never whole.
  expect(slack!.subscriber.url).not.toContain(`secret${stamp}`);
  expect(teams!.subscriber).toMatchObject({ type: "teams", state: "pending" });
  expect((await post({ type: "slack", url: slackUrl })).status()).toBe(409);

  const listed = await list();
  expect(listed.length).toBe(before + 4);
  expect(JSON.stringify(listed)).not.toContain("whsec_");

  const remove = (id: string, key = writeKey) =>
    request.delete(`/api/v1/subscribers/${id}`, { headers: bearer(key) });
  expect((await remove(slack!.subscriber.id, readKey)).status()).toBe(403);
  for (const { subscriber } of [email!, webhook!, slack!, teams!])
    expect((await remove(subscriber.id)).status()).toBe(204);
  expect((await remove(slack!.subscriber.id)).status()).toBe(404);
  expect((await list()).length).toBe(before);
});
