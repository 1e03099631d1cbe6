import { readFileSync } from "node:fs";
import bcrypt from "bcryptjs";
import postgres from "postgres";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/sign-in";

/**
 * Every console server action, found in the build's server-reference manifest
 * (so a new action is covered without touching this file), is called directly
 * by an anonymous visitor and by a viewer, the way a forged request would.
 * None may report success, and the audit log (every console write appends to
 * it) must not change. PostgreSQL project only: it reads the database.
 */
type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
const manifest = JSON.parse(
  readFileSync(
    `${process.env.NEXT_DIST_DIR || ".next"}/server/server-reference-manifest.json`,
    "utf8",
  ),
) as { node: Record<string, ManifestEntry> };
const consoleActions = Object.entries(manifest.node).filter(
  ([, a]) => a.filename.startsWith("app/(admin)/") && !a.filename.endsWith("layout.tsx"),
);
const FAKE_ID = "zzzzzzzzzzzz";
const VIEWER = { email: "viewer@e2e.test", password: "viewer password 1" };

/** The page an action is served from, as a URL (route groups dropped, params filled). */
const pathOf = (a: ManifestEntry) =>
  "/" +
  Object.keys(a.workers)[0]!
    .replace(/\/page$/, "")
    .replace(/\([^)]+\)\//g, "")
    .replace(/\[[^\]]+\]/g, FAKE_ID)
    .replace(/^app\//, "");

/** The argument shapes console actions take: (state, FormData), (input object), (id). */
function forgedBodies() {
  const form = new FormData();
  // React's encoding of (state, FormData): the form's fields as `_1_<name>`, then the argument list, which refers to them.
  for (const [k, v] of Object.entries({
    incidentId: FAKE_ID,
    id: FAKE_ID,
    name: "Forged",
    title: "Forged",
    body: "Forged",
    email: "forged@example.test",
    role: "owner",
    status: "major_outage",
    severity: "SEV1",
  }))
    form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  const input = JSON.stringify([
    {
      incidentId: FAKE_ID,
      id: FAKE_ID,
      name: "Forged",
      title: "Forged",
      status: "major_outage",
      items: [],
      sections: {},
    },
  ]);
  return [
    { multipart: form },
    { data: input, headers: { "Content-Type": "text/plain;charset=UTF-8" } },
    { data: JSON.stringify([FAKE_ID]), headers: { "Content-Type": "text/plain;charset=UTF-8" } },
  ];
}

async function forgeAll(request: APIRequestContext) {
  const reportedSuccess: string[] = [];
  for (const [id, action] of consoleActions) {
    for (const body of forgedBodies()) {
      const response = await request.post(pathOf(action), {
        ...body,
        headers: {
          ...("headers" in body ? body.headers : {}),
          "Next-Action": id,
          Accept: "text/x-component",
        },
        maxRedirects: 0,
      });
      if (response.ok() && /"ok":true/.test(await response.text()))
        reportedSuccess.push(`${action.filename}#${action.exportedName}`);
    }
  }
  return reportedSuccess;
}

const sql = () => postgres(process.env.E2E_POSTGRES_URL!, { max: 1, onnotice: () => {} });
async function auditCount() {
  const db = sql();
  const [row] = await db`select count(*)::int as n from audit_log`;
  await db.end();
  return row!.n as number;
}

test.beforeAll(async () => {
  const db = sql();
  await db`insert into users (id, email, name, role, password_hash) values ('viewer0000001', ${VIEWER.email}, 'Viewer', 'viewer', ${bcrypt.hashSync(VIEWER.password, 10)}) on conflict (email) do nothing`;
  await db.end();
});

test("console actions refuse anonymous and viewer callers and write nothing", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  expect(consoleActions.length).toBeGreaterThan(5);
  const before = await auditCount();
  expect(await forgeAll(request)).toEqual([]);
  await signIn(page, "/admin", VIEWER);
  expect(await forgeAll(page.request)).toEqual([]);
  expect(await auditCount()).toBe(before);
});
