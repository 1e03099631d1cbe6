import { randomBytes } from "node:crypto";
import postgres from "postgres";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type APIResponse,
} from "@playwright/test";
import { generateApiKey } from "../lib/api-keys/key-material";
import { E2E_OWNER } from "../playwright.config";
import { signIn } from "./support/sign-in";
import { appRoutes, fillParams, serverActionId, type Method } from "./support/app-routes";

/**
 * Forged calls to the management API and to the console's forms. Every /api/v1
 * route, found in the build's app-paths manifest with the methods its source
 * exports (so a new route is covered without touching this file), is called
 * anonymously, with broken and revoked keys, and with a read-only key. A console
 * action is replayed cross-site with an owner's cookie, and Auth.js's password
 * sign-in is posted without its CSRF token. Each refusal is paired with the same
 * call succeeding when the protection's condition is met, so a refusal for any
 * other reason cannot pass. PostgreSQL project only: it reads the database.
 */
const FAKE_ID = "zzzzzzzzzzzz";

const apiRoutes = appRoutes()
  .filter((r) => r.kind === "route" && r.pattern.startsWith("/api/v1/"))
  .map((r) => ({ route: r.route, url: fillParams(r.pattern, () => FAKE_ID), methods: r.methods }));

const sql = () => postgres(process.env.E2E_POSTGRES_URL!, { max: 1, onnotice: () => {} });
async function query<T>(run: (db: ReturnType<typeof sql>) => Promise<T>): Promise<T> {
  const db = sql();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}
const auditCount = () =>
  query(async (db) => (await db`select count(*)::int as n from audit_log`)[0]!.n as number);
const componentStatus = (id: string) =>
  query(
    async (db) => (await db`select status from components where id = ${id}`)[0]!.status as string,
  );
/** A seeded component and a status it does not have, so setting it is a real change (and an audit entry). */
const someComponent = () =>
  query(async (db) => {
    const [row] = await db`select id, status from components order by position, id limit 1`;
    return {
      id: row!.id as string,
      status: row!.status as string,
      other: row!.status === "major_outage" ? "partial_outage" : "major_outage",
    };
  });

/** A key stored the way the console stores one (the repo's own key material: prefix, SHA-256 of the whole key). */
async function insertApiKey(
  name: string,
  { canWrite, revoked = false }: { canWrite: boolean; revoked?: boolean },
): Promise<string> {
  const { key, prefix, keyHash } = generateApiKey();
  await query(
    (db) =>
      db`insert into api_keys (id, name, prefix, key_hash, can_write, revoked_at) values (${randomBytes(6).toString("hex")}, ${name}, ${prefix}, ${keyHash}, ${canWrite}, ${revoked ? new Date() : null})`,
  );
  return key;
}

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const FORGED_BODY = {
  status: "major_outage",
  title: "Forged",
  severity: "SEV1",
  body: "Forged.",
  state: "resolved",
  scheduledFor: new Date().toISOString(),
  scheduledUntil: new Date(Date.now() + 3_600_000).toISOString(),
  components: [],
};

async function call(
  request: APIRequestContext,
  method: Method,
  url: string,
  headers: Record<string, string>,
) {
  const response = await request.fetch(url, {
    method,
    headers,
    maxRedirects: 0,
    ...(method === "GET" ? {} : { data: FORGED_BODY }),
  });
  const code = ((await response.json().catch(() => ({}))) as { error?: { code?: string } }).error
    ?.code;
  return { status: response.status(), code };
}

test("every /api/v1 route refuses anonymous, broken, revoked and read-only callers, and nothing is written", async ({
  request,
}) => {
  test.setTimeout(120_000);
  // An empty or unreadable manifest, or a route whose methods this test cannot see, must not pass as "all refused".
  expect(apiRoutes.length).toBeGreaterThan(5);
  expect(apiRoutes.filter((r) => r.methods.length === 0).map((r) => r.route)).toEqual([]);
  expect(apiRoutes.flatMap((r) => r.methods).filter((m) => m !== "GET").length).toBeGreaterThan(0);

  const stamp = Date.now();
  const readKey = await insertApiKey(`Forged read ${stamp}`, { canWrite: false });
  // Revoked, but with write access: were revocation ignored, this key could write.
  const revokedKey = await insertApiKey(`Forged revoked ${stamp}`, {
    canWrite: true,
    revoked: true,
  });
  const unauthenticated: Record<string, Record<string, string>> = {
    anonymous: {},
    "not a Herald key": bearer("not-a-key"),
    "key without Bearer": { Authorization: readKey },
    "unknown well-formed key": bearer(`hrld_00000000_${"0".repeat(48)}`),
    "revoked key": bearer(revokedKey),
  };

  const before = await auditCount();
  const wrong: string[] = [];
  for (const { url, methods } of apiRoutes) {
    for (const method of methods) {
      for (const [who, headers] of Object.entries(unauthenticated)) {
        const { status, code } = await call(request, method, url, headers);
        if (status !== 401 || code !== "unauthenticated")
          wrong.push(`${who}: ${method} ${url} → ${status} ${code}`);
      }
      // The read-only key is valid (its reads get past authentication), and the role check comes before any lookup.
      const { status, code } = await call(request, method, url, bearer(readKey));
      const ok =
        method === "GET"
          ? status === 200 || (status === 404 && code === "not_found")
          : status === 403 && code === "forbidden";
      if (!ok) wrong.push(`read-only key: ${method} ${url} → ${status} ${code}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(await auditCount()).toBe(before);
});

test("a write key stored the same way does write, so the refusals above are about the key's rights", async ({
  request,
}) => {
  const writeKey = await insertApiKey(`Forged write ${Date.now()}`, { canWrite: true });
  const component = await someComponent();
  const before = await auditCount();

  const changed = await request.patch(`/api/v1/components/${component.id}`, {
    headers: bearer(writeKey),
    data: { status: component.other },
  });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toMatchObject({
    change: { componentId: component.id, oldStatus: component.status, newStatus: component.other },
  });
  expect(await componentStatus(component.id)).toBe(component.other);
  expect(await auditCount()).toBe(before + 1);

  const restored = await request.patch(`/api/v1/components/${component.id}`, {
    headers: bearer(writeKey),
    data: { status: component.status },
  });
  expect(restored.status()).toBe(200);
});

const setStatusActionId = serverActionId(
  "app/(admin)/admin/components/actions.ts",
  "setStatusAction",
);

test("a console action with an owner's session cookie is refused from another site and writes nothing", async ({
  page,
  baseURL,
}) => {
  expect(setStatusActionId).toBeTruthy();
  await signIn(page, "/admin/components");
  const component = await someComponent();
  // (prevState, FormData), encoded the way React 19.3 sends a form action: the FormData's fields as
  // `_<part>_<name>`, then the arguments row "0" (the server decodes as it streams, so order matters).
  const form = (status: string) => {
    const f = new FormData();
    f.append("_1_componentId", component.id);
    f.append("_1_status", status);
    f.append("0", JSON.stringify([{ ok: false }, "$K1"]));
    return f;
  };
  const post = (origin: string, status = component.other) =>
    page.request.post("/admin/components", {
      multipart: form(status),
      headers: { "Next-Action": setStatusActionId!, Accept: "text/x-component", Origin: origin },
      maxRedirects: 0,
    });
  const before = await auditCount();

  const crossSite = await post("https://evil.example");
  expect(crossSite.ok()).toBe(false);
  expect(await crossSite.text()).not.toContain('"ok":true');
  expect(await componentStatus(component.id)).toBe(component.status);
  expect(await auditCount()).toBe(before);

  // The very same request from the console's own origin succeeds: only the Origin made the difference.
  const sameOrigin = await post(new URL(baseURL!).origin);
  expect(sameOrigin.status()).toBe(200);
  expect(await sameOrigin.text()).toContain('"ok":true');
  expect(await componentStatus(component.id)).toBe(component.other);
  expect(await auditCount()).toBe(before + 1);

  expect(await (await post(new URL(baseURL!).origin, component.status)).text()).toContain(
    '"ok":true',
  );
});

test("Auth.js password sign-in refuses a POST without the CSRF token its cookie vouches for", async ({
  baseURL,
}) => {
  const attacker = await playwrightRequest.newContext({ baseURL });
  const victim = await playwrightRequest.newContext({ baseURL });
  const sessionCookies = (response: APIResponse) =>
    response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]/.test(h.value));
  const signedIn = async (ctx: APIRequestContext) =>
    ((await (await ctx.get("/api/auth/session")).json()) as { user?: { email?: string } } | null)
      ?.user?.email;
  const credentials = {
    email: E2E_OWNER.email,
    password: E2E_OWNER.password,
    callbackUrl: "/admin",
  };
  try {
    const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    expect(csrfToken).toBeTruthy();

    // No token at all, then the attacker's own token (valid, but not matching the victim's CSRF cookie).
    for (const form of [credentials, { ...credentials, csrfToken }]) {
      const refused = await victim.post("/api/auth/callback/credentials", {
        form,
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(302);
      expect(refused.headers().location).toContain("error=MissingCSRF");
      expect(sessionCookies(refused)).toEqual([]);
      expect(await signedIn(victim)).toBeUndefined();
    }

    // With the token that matches its own cookie, the same POST signs in.
    const accepted = await attacker.post("/api/auth/callback/credentials", {
      form: { ...credentials, csrfToken },
      maxRedirects: 0,
    });
    expect(sessionCookies(accepted).length).toBe(1);
    expect(await signedIn(attacker)).toBe(E2E_OWNER.email);
  } finally {
    await attacker.dispose();
    await victim.dispose();
  }
});
