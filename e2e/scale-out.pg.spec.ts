import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_OWNER } from "../playwright.config";
import { startHeraldServer, startHeraldWorker } from "./support/herald-server";

/**
 * README "Scaling": web instances with HERALD_WORKER=off and a standalone
 * worker on one PostgreSQL. Whoever writes (a request on one instance, the
 * worker on its own, a script with its own connection), every instance's page,
 * API and feeds show it at once, because the database announces it: well before
 * any cached copy would age out (30 s), which is how the change would have shown
 * without the announcement. How fast is the bench's business (publish-to-visible);
 * each surface's delay is printed here for reading, never asserted.
 */
const pgUrl = new URL(process.env.E2E_POSTGRES_URL!);
const dbName = `herald_scale_${randomBytes(4).toString("hex")}`;
const dbUrl = new URL(pgUrl);
dbUrl.pathname = `/${dbName}`;
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
const env = {
  DATABASE_URL: dbUrl.toString(),
  HERALD_WORKER: "off",
  HERALD_ADMIN_EMAIL: E2E_OWNER.email,
  HERALD_ADMIN_PASSWORD: E2E_OWNER.password,
};
let instances: Awaited<ReturnType<typeof startHeraldServer>>[] = [];
let worker: ReturnType<typeof startHeraldWorker> | undefined;
let sql: postgres.Sql;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const admin = postgres(pgUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  // The first migrates and seeds; the second joins the running database.
  instances.push(await startHeraldServer(portBase + 93, env));
  instances.push(await startHeraldServer(portBase + 94, env));
  sql = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  worker?.stop();
  for (const instance of instances) instance.stop();
  instances = [];
  await sql?.end();
  const admin = postgres(pgUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
});

const SURFACES = ["/", "/api/v2/summary.json", "/history.atom"] as const;

/** Shorter than any cache's age limit: what shows by then was announced, not aged out. */
const ANNOUNCED_WITHIN_MS = 10_000;

/** Every surface of every instance, each polled until `shows` holds. */
async function everywhereAtOnce(
  request: APIRequestContext,
  shows: (body: string, surface: string) => boolean,
) {
  const since = Date.now();
  await Promise.all(
    instances.flatMap(({ base }) =>
      SURFACES.map(async (surface) => {
        await expect
          .poll(async () => shows(await (await request.get(`${base}${surface}`)).text(), surface), {
            timeout: ANNOUNCED_WITHIN_MS,
            intervals: [50],
            message: `${base}${surface}`,
          })
          .toBe(true);
        console.log(`[scale-out] ${base}${surface} after ${Date.now() - since} ms`);
      }),
    ),
  );
}

/** Each instance has rendered each surface once: what follows measures a refresh, not a cold start. */
async function warm(request: APIRequestContext) {
  for (const { base } of instances)
    for (const surface of SURFACES)
      expect((await request.get(`${base}${surface}`)).ok()).toBe(true);
}

async function writeKey(): Promise<string> {
  const [{ createApiKey }, { openPostgres }, { loadUserActor }] = await Promise.all([
    import("../lib/api-keys/create-api-key"),
    import("../lib/db/client"),
    import("../lib/auth/load-actor"),
  ]);
  const handle = await openPostgres(dbUrl.toString(), { max: 1 });
  const [owner] = await sql<
    { id: string; session_version: number }[]
  >`select id, session_version from users where email = ${E2E_OWNER.email}`;
  const actor = await loadUserActor(handle.db, {
    userId: owner!.id,
    sessionVersion: owner!.session_version,
  });
  const { key } = await createApiKey({
    ctx: { db: handle.db, actor },
    input: { name: "scale-out test", scope: "write" },
  });
  await handle.close();
  return key;
}

test("a publish, a window the worker starts and a script's write reach every instance at once, not when caches age out", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const key = { Authorization: `Bearer ${await writeKey()}` };
  const [a] = instances;
  await warm(request);

  // 1. A publish through one instance.
  const title = `Scale-out outage ${randomBytes(3).toString("hex")}`;
  const declared = await request.post(`${a!.base}/api/v1/incidents`, {
    headers: key,
    data: { title, severity: "SEV2", body: "Investigating errors in one region." },
  });
  expect(declared.status()).toBe(201);
  const { incident } = (await declared.json()) as { incident: { id: string } };
  await everywhereAtOnce(request, (body) => body.includes(title));

  // 2. A window that is due, started by the standalone worker on its own (no web request involved).
  const [component] = await sql<
    { id: string }[]
  >`select id from components order by position limit 1`;
  const windowTitle = `Database failover drill ${randomBytes(3).toString("hex")}`;
  const scheduled = await request.post(`${a!.base}/api/v1/maintenance`, {
    headers: key,
    data: {
      title: windowTitle,
      body: "Planned failover of the primary database.",
      scheduledFor: new Date(Date.now() - 60_000).toISOString(),
      scheduledUntil: new Date(Date.now() + 3_600_000).toISOString(),
      components: [component!.id],
    },
  });
  expect(scheduled.status()).toBe(201);
  await warm(request);
  // With a mail relay configured, as in production: the compiled worker loads its SMTP transport at start.
  worker = startHeraldWorker({
    DATABASE_URL: dbUrl.toString(),
    SMTP_URL: `smtp://127.0.0.1:${portBase + 95}`,
  });
  await expect
    .poll(
      async () =>
        (await sql`select state from maintenances where title = ${windowTitle}`)[0]?.state,
      { timeout: 60_000, intervals: [50] },
    )
    .toBe("in_progress");
  await everywhereAtOnce(request, (body, surface) => {
    if (surface === "/") return /Maintenance in progress/.test(body) && body.includes(windowTitle);
    if (surface === "/history.atom")
      return body.split("<entry").some((e) => e.includes(windowTitle) && e.includes("In progress"));
    const { scheduled_maintenances: windows } = JSON.parse(body) as {
      scheduled_maintenances: { name: string; status: string }[];
    };
    return windows.some((w) => w.name === windowTitle && w.status === "in_progress");
  });

  // 3. A write by a separate process with its own connection: no Herald code at all.
  const renamed = `${title} (renamed by a script)`;
  const script = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import postgres from "postgres";
       const sql = postgres(process.env.URL, { max: 1 });
       await sql\`update incidents set title = \${process.env.TITLE} where id = \${process.env.ID}\`;
       await sql.end();`,
    ],
    { env: { ...process.env, URL: dbUrl.toString(), TITLE: renamed, ID: incident.id } },
  );
  expect(script.status, script.stderr.toString()).toBe(0);
  await everywhereAtOnce(request, (body) => body.includes(renamed));
});
