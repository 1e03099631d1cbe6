import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine, freshDatabase, type TestDatabase } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, declareTestIncident } from "../testing/console-factories";
import { newId } from "../ids";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/upstreams/route";
import { PATCH as patchRoute } from "@/app/api/v1/upstreams/[id]/route";
import { createApiKey } from "../api-keys/create-api-key";
import { serveHeraldSummary } from "../testing/herald-summary-server";
import { incidentDrafts, upstreamPolls } from "../db/schema";
import { resolveIncident } from "../incidents/resolve-incident";
import { buildStatusSnapshot } from "../public/status-snapshot";
import { PUBLIC_CHANGES_CHANNEL } from "../public/public-changes";
import { readWire } from "../statuspage/test-helpers";
import { listDrafts } from "../inbound/drafts/list-drafts";
import { createUpstream } from "./create-upstream";
import { getUpstream } from "./list-upstreams";
import { updateUpstream } from "./update-upstream";
import { refreshUpstream } from "./refresh-upstream";
import { backoffMs, pollDueUpstreams } from "./poll-upstreams";

describeEachEngine(
  "upstream status pages: a second Herald on loopback",
  ({ db, handle, engine }) => {
    let upstream: TestDatabase;
    let server: Awaited<ReturnType<typeof serveHeraldSummary>>;
    beforeAll(async () => {
      upstream = await freshDatabase(engine);
      server = await serveHeraldSummary(upstream.db);
    });
    afterAll(async () => {
      await server?.close();
      await upstream?.dispose();
    });

    /** The upstream Herald with two components, and ours with one depending on its "Compute". */
    async function setUp() {
      const upOwner = await createMember(upstream.db, "owner");
      const compute = await createTestComponent(upstream.db, { name: `Compute ${newId()}` });
      await createTestComponent(upstream.db, { name: `Storage ${newId()}` });
      const editor = await createMember(db(), "editor");
      const checkout = await createTestComponent(db(), { name: "Checkout" });
      // A query of its own: each test adds the same upstream Herald afresh.
      const tag = newId();
      const created = await createUpstream({
        ctx: editor,
        input: { url: `${server.base}/?t=${tag}` },
      });
      expect(created.url).toBe(`${server.base}/api/v2/summary.json?t=${tag}`);
      expect(created.firstPoll).toMatchObject({ ok: true });
      const read = await getUpstream({ ctx: editor, input: { upstreamId: created.id } });
      const mirrored = read.components.find((c) => c.name === compute.name)!;
      expect(mirrored).toMatchObject({ status: "operational", shown: false });
      await updateUpstream({
        ctx: editor,
        input: {
          upstreamId: created.id,
          shown: [mirrored.id],
          dependencies: { [mirrored.id]: [checkout.id] },
        },
      });
      return { upOwner, compute, editor, checkout, upstreamId: created.id, mirrored };
    }
    const poll = (ctx: Parameters<typeof refreshUpstream>[0]["ctx"], upstreamId: string) =>
      refreshUpstream({ ctx, input: { upstreamId } });

    it("shows the picked components in a group named by the source, polls with If-None-Match (304), and never counts them as ours", async () => {
      const { editor, upstreamId, mirrored } = await setUp();
      const snapshot = await buildStatusSnapshot(db());
      const group = snapshot.upstreams.find((u) => u.id === upstreamId)!;
      expect(group.host).toBe(new URL(server.base).host);
      expect(group.components.map((c) => [c.name, c.status])).toEqual([
        [mirrored.name, "operational"],
      ]);
      const wire = await readWire(db());
      const components = wire("components.json").components;
      expect(components.find((c) => c.id === upstreamId)).toMatchObject({
        group: true,
        components: [mirrored.id],
      });
      expect(components.find((c) => c.id === mirrored.id)).toMatchObject({
        group_id: upstreamId,
        status: "operational",
        showcase: false,
      });

      const before = server.requests.length;
      const [outcome] = await pollDueUpstreams(db(), new Date(Date.now() + 61_000));
      expect(outcome).toMatchObject({ ok: true, lines: ["not modified"] });
      const sent = server.requests.slice(before);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.ifNoneMatch).toMatch(/^W\/"/);
      expect(sent[0]!.status).toBe(304);
      // Not due again for a minute: a second tick straight after polls nothing.
      expect(await pollDueUpstreams(db(), new Date(Date.now() + 62_000))).toEqual([]);
      expect((await poll(editor, upstreamId))?.ok).toBe(true);
    });

    it("drafts one notice per upstream incident that touches a dependency, mirrors its status, and marks the draft when it resolves", async () => {
      const { upOwner, compute, editor, checkout, upstreamId, mirrored } = await setUp();
      const declared = await declareTestIncident(upOwner, {
        title: "Compute instances unreachable",
        components: [{ componentId: compute.id, status: "major_outage" }],
      });
      // The status change is announced on the public channel: every cache refreshes by construction.
      const heard: string[] = [];
      const stop = await handle().listen(PUBLIC_CHANGES_CHANNEL, {
        onMessage: (t) => heard.push(t),
      });
      expect(await poll(editor, upstreamId)).toMatchObject({ ok: true });
      await expect.poll(() => heard.includes("upstream_components"), { timeout: 2000 }).toBe(true);
      await stop();
      expect(
        (await buildStatusSnapshot(db())).upstreams.find((u) => u.id === upstreamId)!.components[0],
      ).toMatchObject({ id: mirrored.id, status: "major_outage" });
      // Our page's own status is not an upstream's: no guess, no borrowed outage.
      expect((await readWire(db()))("status.json").status.indicator).toBe("none");

      const ours = async () =>
        (await listDrafts({ ctx: editor })).filter((d) => d.upstreamPageId === upstreamId);
      const [draft] = await ours();
      expect(draft).toMatchObject({
        title: expect.stringContaining("Compute instances unreachable"),
        components: [{ componentId: checkout.id, status: "major_outage" }],
        alertsResolvedAt: null,
        publishedIncidentId: null,
      });
      expect(draft!.body).toContain("Checkout");
      // It names the provider's incident and links their notice; it does not paste their text as ours.
      expect(draft!.body).toMatch(
        /reports “Compute instances unreachable” \(http:\/\/[^)]+\/incidents\/\w+\)/,
      );
      await poll(editor, upstreamId);
      await pollDueUpstreams(db(), new Date(Date.now() + 5 * 60_000));
      expect(await ours()).toHaveLength(1);
      // Drafts are never public.
      expect((await readWire(db()))("incidents.json").incidents).toEqual([]);

      await resolveIncident({
        ctx: upOwner,
        input: {
          incidentId: declared.incident.id,
          expectedLatestUpdateId: declared.update.id,
          body: "Fixed.",
        },
      });
      await poll(editor, upstreamId);
      const [marked] = await db()
        .select()
        .from(incidentDrafts)
        .where(eq(incidentDrafts.id, draft!.id));
      expect(marked!.alertsResolvedAt).not.toBeNull();
      const read = await getUpstream({ ctx: editor, input: { upstreamId } });
      expect(read.incidents[0]).toMatchObject({
        draft_id: draft!.id,
        resolved_at: expect.any(Date),
      });
    });

    it("an unreachable upstream says 'status unknown since' (never a guess) and backs off", async () => {
      const { editor, mirrored } = await setUp();
      const lonely = await serveHeraldSummary(upstream.db);
      const created = await createUpstream({ ctx: editor, input: { url: lonely.base } });
      const [component] = (await getUpstream({ ctx: editor, input: { upstreamId: created.id } }))
        .components;
      await updateUpstream({
        ctx: editor,
        input: { upstreamId: created.id, shown: [component!.id] },
      });
      await lonely.close();
      const outcome = await poll(editor, created.id);
      expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) });
      const group = (await buildStatusSnapshot(db())).upstreams.find((u) => u.id === created.id)!;
      expect(group.unknownSince).toBeInstanceOf(Date);
      expect(group.components.every((c) => c.status === null && c.unknownSince)).toBe(true);
      // The API has no "unknown": the group is left out rather than shown with a stale status.
      const wire = (await readWire(db()))("summary.json").components.map((c) => c.id);
      expect(wire).not.toContain(created.id);
      expect(wire).toContain(mirrored.id);
      const [state] = await db()
        .select()
        .from(upstreamPolls)
        .where(eq(upstreamPolls.upstreamPageId, created.id));
      expect(state!.failures).toBe(1);
      expect(state!.nextPollAt.getTime() - state!.lastPolledAt!.getTime()).toBe(backoffMs(1));
      expect([backoffMs(2), backoffMs(3), backoffMs(20)]).toEqual([120_000, 240_000, 1_800_000]);
    });

    it("shows a malformed, oversized or failing summary as a clear error on the upstream's page", async () => {
      const editor = await createMember(db(), "editor");
      const cases: [string, RegExp][] = [
        ["broken", /not JSON/],
        ["huge", /larger than 2000000 bytes/],
        ["down", /HTTP 503/],
      ];
      for (const [path, message] of cases) {
        const created = await createUpstream({
          ctx: editor,
          input: { url: `${server.base}/${path}/` },
        });
        const read = await getUpstream({ ctx: editor, input: { upstreamId: created.id } });
        expect(read.last_error).toMatch(message);
        expect(read.unknown_since).toBeInstanceOf(Date);
        expect(read.components).toEqual([]);
      }
    });

    it("refuses a private address without HERALD_ALLOW_PRIVATE_URLS, when saved and again when polled", async () => {
      const editor = await createMember(db(), "editor");
      const production = { allowPrivate: false };
      await expect(
        createUpstream({ ctx: editor, input: { url: server.base }, outbound: production }),
      ).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/private/) });
      // Saved while allowed (say, the flag was on), polled once it is off: refused at send time.
      const created = await createUpstream({
        ctx: editor,
        input: { url: `${server.base}/api/v2/summary.json?again` },
      });
      const before = server.requests.length;
      const outcome = await refreshUpstream({
        ctx: editor,
        input: { upstreamId: created.id },
        outbound: production,
      });
      expect(outcome).toMatchObject({
        ok: false,
        error: expect.stringMatching(/private or loopback/),
      });
      expect(server.requests.length).toBe(before);
    });

    it("lets only owners and editors add or change upstreams, and only their own components", async () => {
      const viewer = await createMember(db(), "viewer");
      await expect(
        createUpstream({ ctx: viewer, input: { url: server.base } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      const { editor, upstreamId, mirrored } = await setUp();
      await expect(
        updateUpstream({ ctx: viewer, input: { upstreamId, shown: [] } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        updateUpstream({
          ctx: editor,
          input: { upstreamId, dependencies: { [mirrored.id]: ["nosuchcompo1"] } },
        }),
      ).rejects.toMatchObject({ code: "invalid" });
    });

    it("is managed through /api/v1/upstreams; a read-only key may list but not add", async () => {
      (globalThis as { __heraldDb?: Promise<unknown> }).__heraldDb = Promise.resolve(handle());
      const owner = await createMember(db(), "owner");
      const checkout = await createTestComponent(db());
      const { key } = await createApiKey({ ctx: owner, input: { name: "ops", scope: "write" } });
      const { key: readKey } = await createApiKey({
        ctx: owner,
        input: { name: "ro", scope: "read" },
      });
      const call = (path: string, method: string, apiKey: string, body?: unknown) =>
        new Request(`http://herald.test/api/v1/${path}`, {
          method,
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const noParams = { params: Promise.resolve({}) };
      const url = `${server.base}/?api=${newId()}`;
      expect(
        (await createRoute(call("upstreams", "POST", readKey, { url }), noParams)).status,
      ).toBe(403);
      const created = await createRoute(call("upstreams", "POST", key, { url }), noParams);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const listed = (await (
        await listRoute(call("upstreams", "GET", readKey), noParams)
      ).json()) as {
        id: string;
      }[];
      expect(listed.map((u) => u.id)).toContain(id);
      const read = await getUpstream({ ctx: owner, input: { upstreamId: id } });
      const first = read.components[0]!;
      const patched = await patchRoute(
        call(`upstreams/${id}`, "PATCH", key, {
          label: "Our cloud",
          shown: [first.id],
          dependencies: { [first.id]: [checkout.id] },
        }),
        { params: Promise.resolve({ id }) },
      );
      expect(patched.status).toBe(200);
      expect(await patched.json()).toMatchObject({
        name: "Our cloud",
        components: expect.arrayContaining([
          expect.objectContaining({ id: first.id, shown: true, depended_on_by: [checkout.id] }),
        ]),
      });
    });
  },
);
