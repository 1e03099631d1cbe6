import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { bearer, createKeyInConsole } from "./support/api-keys";

/** The management API as a script sees it, with keys an owner made on the console's API keys page. */

async function unresolvedTitles(request: APIRequestContext): Promise<string[]> {
  const body = (await (await request.get("/api/v2/incidents/unresolved.json")).json()) as {
    incidents: { name: string }[];
  };
  return body.incidents.map((i) => i.name);
}

test("a script declares, updates and resolves an incident with a console-made key; the public page follows", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  await signIn(page, "/admin/api-keys");
  const writeKey = await createKeyInConsole(page, `Deploy bot ${stamp}`, "Read and write");
  // Shown once: after a reload only the prefix is on the page.
  await page.reload();
  await expect(page.getByText(writeKey)).toHaveCount(0);
  await expect(page.getByText(`${writeKey.slice(0, 13)}_…`)).toBeVisible();

  const title = `API-declared outage ${stamp}`;
  const declare = { title, severity: "SEV2", body: "We are investigating elevated error rates." };
  for (const headers of [{}, bearer("hrld_00000000_not-a-real-key"), { Authorization: writeKey }]) {
    const refused = await request.post("/api/v1/incidents", { headers, data: declare });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
  }
  expect(await unresolvedTitles(request)).not.toContain(title);

  const declared = await request.post("/api/v1/incidents", {
    headers: bearer(writeKey),
    data: declare,
  });
  expect(declared.status()).toBe(201);
  const { incident } = (await declared.json()) as { incident: { id: string; state: string } };
  expect(incident.state).toBe("investigating");
  await expect.poll(() => unresolvedTitles(request)).toContain(title);
  const publicPage = await page.context().newPage();
  await publicPage.goto("/");
  await expect(publicPage.getByText(title).first()).toBeVisible();

  const invalid = await request.post(`/api/v1/incidents/${incident.id}/updates`, {
    headers: bearer(writeKey),
    data: { state: "identified" },
  });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({
    error: { code: "invalid", fields: { body: "Write the public update." } },
  });
  const update = await request.post(`/api/v1/incidents/${incident.id}/updates`, {
    headers: bearer(writeKey),
    data: { state: "identified", body: "A bad configuration push is the cause; rolling back." },
  });
  expect(update.status()).toBe(201);
  await publicPage.goto(`/incidents/${incident.id}`);
  await expect(
    publicPage.getByText("A bad configuration push is the cause; rolling back."),
  ).toBeVisible();

  const resolved = await request.post(`/api/v1/incidents/${incident.id}/resolve`, {
    headers: bearer(writeKey),
    data: { body: "The rollback is complete; errors are back to normal." },
  });
  expect(resolved.status()).toBe(200);
  await expect.poll(() => unresolvedTitles(request)).not.toContain(title);
  const detail = await request.get(`/api/v1/incidents/${incident.id}`, {
    headers: bearer(writeKey),
  });
  expect(await detail.json()).toMatchObject({
    incident: { state: "resolved" },
    updates: [{ state: "resolved" }, { state: "identified" }, { state: "investigating" }],
  });
  const again = await request.post(`/api/v1/incidents/${incident.id}/updates`, {
    headers: bearer(writeKey),
    data: { state: "monitoring", body: "Late." },
  });
  expect(again.status()).toBe(409);
});

test("a read-only key reads but cannot write, and a revoked key stops working", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  await signIn(page, "/admin/api-keys");
  const readKey = await createKeyInConsole(page, `Dashboard ${stamp}`, "Read only");

  const components = await request.get("/api/v1/components", { headers: bearer(readKey) });
  expect(components.status()).toBe(200);
  type Component = { id: string; status: string };
  const tree = (await components.json()) as {
    groups: { components: Component[] }[];
    ungrouped: Component[];
  };
  const component = [...tree.groups.flatMap((g) => g.components), ...tree.ungrouped][0]!;
  expect((await request.get("/api/v1/incidents", { headers: bearer(readKey) })).status()).toBe(200);
  expect((await request.get("/api/v1/maintenance", { headers: bearer(readKey) })).status()).toBe(
    200,
  );

  const forged = await request.post("/api/v1/incidents", {
    headers: bearer(readKey),
    data: { title: `Forged ${stamp}`, severity: "SEV1", body: "Forged." },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: "forbidden" } });
  const patched = await request.patch(`/api/v1/components/${component.id}`, {
    headers: bearer(readKey),
    data: { status: "major_outage" },
  });
  expect(patched.status()).toBe(403);
  expect(await unresolvedTitles(request)).not.toContain(`Forged ${stamp}`);

  await page.getByRole("button", { name: `Revoke Dashboard ${stamp}` }).click();
  await expect(
    page
      .getByRole("list", { name: "API keys" })
      .getByRole("listitem")
      .filter({ hasText: `Dashboard ${stamp}` }),
  ).toContainText("revoked");
  expect((await request.get("/api/v1/incidents", { headers: bearer(readKey) })).status()).toBe(401);
});
