import fc from "fast-check";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { appRoutes, fillParams, type AppRoute, type Method } from "./support/app-routes";
import { bearer, createKeyInConsole } from "./support/api-keys";
import { signIn } from "./support/sign-in";

/**
 * Property-based fuzzing of every public route and every /api/v1 route of the
 * build (found in its manifest, so a new route is fuzzed without editing this
 * file) with hostile query strings, path ids and bodies. Properties: no answer
 * is a 5xx; every answer arrives within REQUEST_TIMEOUT_MS (a request that
 * takes longer fails the run, which is how "one GET stalls the server" shows);
 * a refused /api/v1 write leaves the audit log as it was. Runs per engine
 * (Playwright project). FUZZ_RUNS raises the number of cases when hunting.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const REQUEST_TIMEOUT_MS = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
test.describe.configure({ timeout: 240_000 });

const routes = appRoutes();
const isV1 = (r: AppRoute) => r.pattern.startsWith("/api/v1/");
/** Anonymous surfaces. The console needs a session (forged-actions covers it); Auth.js owns /api/auth. */
const publicRoutes = routes.filter(
  (r) => !r.pattern.startsWith("/admin") && !isV1(r) && !r.pattern.startsWith("/api/auth"),
);
const v1Routes = routes.filter(isV1);

/** Values that broke, or could break, a parser: out-of-range dates and numbers, prototype keys, markup, NULs, bad encodings. */
const HOSTILE = [
  "1900-01",
  "0999-01",
  "0000-00",
  "9999-12",
  "275760-09",
  "2026-13",
  "-1",
  "0",
  "1e308",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "\u0000",
  "a\u0000b",
  "\uffff",
  "' OR 1=1 --",
  "[]",
  "{}",
  "x".repeat(3000),
];
/** Already percent-encoded (or deliberately malformed) fragments, sent as they are. */
const RAW = ["%", "%zz", "%E0%A4%A", "%C0%AE", "%00", "%2e%2e%2f", "%FF%FE"];
const PARAM_NAMES = [
  "month",
  "page",
  "year",
  "days",
  "window",
  "style",
  "label",
  "component",
  "id",
  "revision",
  "token",
  "error",
  "callbackUrl",
  "__proto__",
  "constructor",
];

const encode = (s: string) => encodeURIComponent(s);
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE).map(encode),
  fc.constantFrom(...RAW),
  fc.string({ maxLength: 30, unit: "grapheme" }).map(encode),
  fc.integer().map(String),
);
const queryString = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES).map(encode), hostileText), hostileText),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));
/** A path segment: hostile text, or an id of the right shape that names nothing. */
const pathId = fc.oneof(
  hostileText.filter((s) => s !== "" && s !== "." && s !== ".."),
  fc.constant("zzzzzzzzzzzz"),
);

async function send(
  request: APIRequestContext,
  method: Method,
  url: string,
  init: { headers?: Record<string, string>; data?: string } = {},
) {
  const response = await request.fetch(url, {
    method,
    ...init,
    timeout: REQUEST_TIMEOUT_MS,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  if (response.status() >= 500) throw new Error(`${method} ${url} answered ${response.status()}`);
  return response;
}

const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS, seed: SEED, endOnFailure: true });

test.beforeAll(() => {
  // The manifest must have been read; an empty list would make every property pass vacuously.
  expect(publicRoutes.length).toBeGreaterThan(20);
  expect(v1Routes.length).toBeGreaterThan(5);
});

test(`public routes answer hostile ids and queries without a 5xx, in time`, async ({ request }) => {
  for (const route of publicRoutes) {
    for (const method of route.methods) {
      await property(fc.tuple(pathId, queryString), async ([id, query]) => {
        await send(request, method, fillParams(route.pattern, () => id) + query);
      });
    }
  }
});

/** JSON bodies built from what each write accepts, one field swapped for something hostile, plus raw junk. */
const hostileJson = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 50, unit: "grapheme" }),
);
/** Without components no maintenance can be scheduled, so no fuzzed window appears on the status page. */
const VALID = {
  title: "Fuzzed incident",
  severity: "SEV3",
  body: "Investigating.",
  status: "degraded_performance",
  state: "identified",
  scheduledFor: "2099-01-01T00:00:00Z",
  scheduledUntil: "2099-01-01T01:00:00Z",
  components: [],
  notify: false,
};
const body = fc.oneof(
  // A computed key makes "__proto__" an own property, so it is sent as a key like any other.
  fc
    .tuple(fc.constantFrom(...Object.keys(VALID), "__proto__", "constructor"), hostileJson)
    .map(([key, value]) => JSON.stringify({ ...VALID, [key]: value })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"title":',
    "null",
    "[]",
    '"x"',
    '{"a":1}{"a":1}',
    '{"__proto__":{"role":"owner"},"constructor":{"prototype":{"x":1}}}',
    "\u0000",
  ),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "",
);

test.describe("/api/v1 with a write key", () => {
  let page: Page;
  let key: string;
  let keyName: string;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    keyName = `Fuzz ${Date.now()}`;
    await signIn(page, "/admin/api-keys");
    key = await createKeyInConsole(page, keyName, "Read and write");
  });
  /** Incidents a fuzzed body happened to declare validly: resolved afterwards, so other specs see the seeded page. */
  const declared: string[] = [];
  test.afterAll(async ({ request }) => {
    for (const id of declared) {
      const resolved = await request.post(`/api/v1/incidents/${id}/resolve`, {
        headers: bearer(key),
        data: { body: "Resolved." },
      });
      expect(resolved.status()).toBe(200);
    }
    await page.close();
  });

  /** What this key has written, as the console's audit log shows it: every domain write is audited. */
  async function written(): Promise<string> {
    const html = await (
      await page.request.get(`/admin/audit?actor=${encodeURIComponent(`api-key:${keyName}`)}`, {
        timeout: REQUEST_TIMEOUT_MS,
      })
    ).text();
    const start = html.indexOf('aria-label="Audit entries"');
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf("</ol>", start));
  }

  test(`hostile ids, bodies and content types: no 5xx, in time, nothing written when refused`, async ({
    request,
  }) => {
    for (const route of v1Routes) {
      for (const method of route.methods) {
        await property(
          fc.tuple(pathId, queryString, body, contentType),
          async ([id, query, data, type]) => {
            const before = method === "GET" ? "" : await written();
            const response = await send(
              request,
              method,
              fillParams(route.pattern, () => id) + query,
              {
                headers: { ...bearer(key), ...(type ? { "Content-Type": type } : {}) },
                ...(method === "GET" ? {} : { data }),
              },
            );
            if (method !== "GET" && response.status() >= 400) expect(await written()).toBe(before);
            if (route.pattern === "/api/v1/incidents" && response.status() === 201)
              declared.push(((await response.json()) as { incident: { id: string } }).incident.id);
          },
        );
      }
    }
  });
});
