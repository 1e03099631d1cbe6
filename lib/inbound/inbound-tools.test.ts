import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { POST as postInbound, GET as getInbound } from "@/app/api/inbound/[id]/route";
import { POST as postWithPathToken } from "@/app/api/inbound/[id]/[token]/route";
import {
  GET as listIntegrationsRoute,
  POST as createIntegrationRoute,
} from "@/app/api/v1/integrations/route";
import { DELETE as deleteIntegrationRoute } from "@/app/api/v1/integrations/[id]/route";
import { POST as rotateRoute } from "@/app/api/v1/integrations/[id]/token/route";
import { GET as listIncidentsRoute } from "@/app/api/v1/incidents/route";
import { POST as publishRoute } from "@/app/api/v1/incidents/[id]/publish/route";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent } from "../testing/console-factories";
import {
  components,
  inboundEvents,
  incidentDrafts,
  incidents,
  incidentUpdates,
} from "../db/schema";
import { pruneInboundEvents } from "./prune-inbound-events";
import { newId } from "../ids";
import { createApiKey } from "../api-keys/create-api-key";
import { createIntegration } from "./create-integration";
import { checkHeartbeats } from "./heartbeats";
import { pagerDutySignature } from "./signature";
import { alertmanagerPayload } from "./fixtures/alertmanager";
import { pagerDutyEvent } from "./fixtures/pagerduty";
import { opsgenieEvent } from "./fixtures/opsgenie";
import { datadogEvent } from "./fixtures/datadog";

describeEachEngine("inbound tools, heartbeats and the management API", ({ db, handle }) => {
  beforeEach(() => {
    (globalThis as { __heraldDb?: Promise<unknown> }).__heraldDb = Promise.resolve(handle());
  });

  const statusOf = async (id: string) =>
    (await db().select().from(components).where(eq(components.id, id)))[0]!.status;

  function post(id: string, body: unknown, headers: Record<string, string> = {}) {
    const request = new Request(`http://herald.test/api/inbound/${id}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return postInbound(request, { params: Promise.resolve({ id }) });
  }

  async function setUp(type: string, extra: Record<string, unknown> = {}) {
    const editor = await createMember(db(), "editor");
    const component = await createTestComponent(db(), { name: `Service ${newId()}` });
    const integration = await createIntegration({
      ctx: editor,
      input: { type, name: type, hold_down_seconds: 0, ...extra },
    });
    return { editor, component, integration };
  }

  it("verifies PagerDuty's X-PagerDuty-Signature, maps the service, ignores acknowledgements and restores on resolve", async () => {
    const secret = "pd-signing-secret";
    const { component, integration } = await setUp("pagerduty", { signing_secret: secret });
    const triggered = JSON.stringify(pagerDutyEvent("incident.triggered", component.name));
    const unsigned = await post(integration.id, triggered, {
      authorization: `Bearer ${integration.token}`,
    });
    expect(unsigned.status).toBe(401);
    const forged = await post(integration.id, triggered, {
      "x-pagerduty-signature": pagerDutySignature(triggered, "not-the-secret"),
    });
    expect(forged.status).toBe(401);
    expect(await statusOf(component.id)).toBe("operational");

    const signed = await post(integration.id, triggered, {
      "x-pagerduty-signature": `v1=${"0".repeat(64)},${pagerDutySignature(triggered, secret)}`,
    });
    expect(signed.status).toBe(202);
    expect(await statusOf(component.id)).toBe("major_outage");

    const ack = JSON.stringify(pagerDutyEvent("incident.acknowledged", component.name));
    const acked = await post(integration.id, ack, {
      "x-pagerduty-signature": pagerDutySignature(ack, secret),
    });
    expect(acked.status).toBe(202);
    expect(await statusOf(component.id)).toBe("major_outage");

    const resolved = JSON.stringify(pagerDutyEvent("incident.resolved", component.name));
    await post(integration.id, resolved, {
      "x-pagerduty-signature": pagerDutySignature(resolved, secret),
    });
    expect(await statusOf(component.id)).toBe("operational");
  });

  it("maps an Opsgenie entity (P3: degraded) and closes it", async () => {
    const { component, integration } = await setUp("opsgenie");
    const auth = { authorization: `Bearer ${integration.token}` };
    expect((await post(integration.id, opsgenieEvent("Create", component.name), auth)).status).toBe(
      202,
    );
    expect(await statusOf(component.id)).toBe("degraded_performance");
    await post(integration.id, opsgenieEvent("Close", component.name), auth);
    expect(await statusOf(component.id)).toBe("operational");
  });

  it("reads Herald's Datadog template: a component tag, error → major outage, Recovered restores", async () => {
    const { component, integration } = await setUp("datadog");
    const auth = { authorization: `Bearer ${integration.token}` };
    expect(
      (await post(integration.id, datadogEvent("Triggered", component.name), auth)).status,
    ).toBe(202);
    expect(await statusOf(component.id)).toBe("major_outage");
    await post(integration.id, datadogEvent("Recovered", component.name), auth);
    expect(await statusOf(component.id)).toBe("operational");
  });

  it("takes Herald's generic JSON with the token in the path, caps bodies at 256 KB, and prunes old log entries", async () => {
    const { component, integration } = await setUp("generic");
    const request = (body: string) =>
      postWithPathToken(
        new Request(`http://herald.test/api/inbound/${integration.id}/${integration.token}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
        { params: Promise.resolve({ id: integration.id, token: integration.token }) },
      );
    const firing = {
      id: "disk-1",
      status: "firing",
      title: "Disk full",
      component: component.name,
      severity: "critical",
    };
    expect((await request(JSON.stringify(firing))).status).toBe(202);
    expect(await statusOf(component.id)).toBe("major_outage");
    expect((await request(JSON.stringify({ ...firing, status: "resolved" }))).status).toBe(202);
    expect(await statusOf(component.id)).toBe("operational");
    const huge = JSON.stringify({ ...firing, description: "x".repeat(300 * 1024) });
    expect((await request(huge)).status).toBe(413);
    const log = await db()
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.integrationId, integration.id));
    expect(log.map((e) => e.httpStatus).sort()).toEqual([202, 202, 413]);
    expect(
      await pruneInboundEvents(db(), {
        now: new Date(Date.now() + 31 * 86_400_000),
        retentionDays: 30,
      }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("marks a heartbeat's component down when pings stop, and restores it on the next ping", async () => {
    const editor = await createMember(db(), "editor");
    const component = await createTestComponent(db(), { name: `Cron ${newId()}` });
    const integration = await createIntegration({
      ctx: editor,
      input: {
        type: "heartbeat",
        name: "Nightly job",
        heartbeat_interval_seconds: 300,
        rules: [{ components: [component.id], actions: ["status"] }],
      },
    });
    const ping = () =>
      getInbound(
        new Request(`http://herald.test/api/inbound/${integration.id}`, {
          headers: { authorization: `Bearer ${integration.token}` },
        }),
        { params: Promise.resolve({ id: integration.id }) },
      );
    expect((await ping()).status).toBe(200);
    expect(await checkHeartbeats(db(), new Date(Date.now() + 200_000))).toBe(0);
    expect(await checkHeartbeats(db(), new Date(Date.now() + 301_000))).toBe(1);
    expect(await statusOf(component.id)).toBe("major_outage");
    expect((await ping()).status).toBe(200);
    expect(await statusOf(component.id)).toBe("operational");
  });

  it("manages integrations through /api/v1 and publishes a draft, which only then becomes an incident", async () => {
    const owner = await createMember(db(), "owner");
    const { key } = await createApiKey({ ctx: owner, input: { name: "ops", scope: "write" } });
    const { key: readKey } = await createApiKey({
      ctx: owner,
      input: { name: "ro", scope: "read" },
    });
    const component = await createTestComponent(db(), { name: `API ${newId()}` });
    const api = (path: string, method: string, apiKey: string, body?: unknown) =>
      new Request(`http://herald.test/api/v1/${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const noParams = { params: Promise.resolve({}) };

    const refused = await createIntegrationRoute(
      api("integrations", "POST", readKey, { type: "alertmanager", name: "x" }),
      noParams,
    );
    expect(refused.status).toBe(403);
    const invalid = await createIntegrationRoute(
      api("integrations", "POST", key, { type: "nagios", name: "x" }),
      noParams,
    );
    expect(invalid.status).toBe(400);

    const created = await createIntegrationRoute(
      api("integrations", "POST", key, {
        type: "alertmanager",
        name: "Prom",
        hold_down_seconds: 0,
      }),
      noParams,
    );
    expect(created.status).toBe(201);
    const integration = (await created.json()) as { id: string; url: string; token: string };
    expect(integration.url).toMatch(new RegExp(`/api/inbound/${integration.id}$`));
    expect(integration.token).toMatch(/^hrin_[0-9a-f]{48}$/);
    const listed = (await (
      await listIntegrationsRoute(api("integrations", "GET", readKey), noParams)
    ).json()) as {
      id: string;
    }[];
    expect(JSON.stringify(listed)).not.toContain(integration.token);

    await post(
      integration.id,
      alertmanagerPayload("firing", [{ component: component.name, fingerprint: `fp-${newId()}` }]),
      { authorization: `Bearer ${integration.token}` },
    );
    const list = (await (
      await listIncidentsRoute(api("incidents", "GET", readKey), noParams)
    ).json()) as {
      drafts: { id: string; draft: boolean; integrationId: string }[];
    };
    const draft = list.drafts.find((d) => d.integrationId === integration.id)!;
    expect(draft.draft).toBe(true);
    const [stored] = await db()
      .select()
      .from(incidentDrafts)
      .where(eq(incidentDrafts.id, draft.id));

    const published = await publishRoute(
      api(`incidents/${draft.id}/publish`, "POST", key, {
        title: "Checkout is failing for some customers",
      }),
      { params: Promise.resolve({ id: draft.id }) },
    );
    expect(published.status).toBe(201);
    const { incident } = (await published.json()) as { incident: { id: string } };
    const [row] = await db().select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row).toMatchObject({
      title: "Checkout is failing for some customers",
      severity: "SEV1",
    });
    expect(row!.startedAt.getTime()).toBe(stored!.firstAlertAt.getTime());
    const updates = await db()
      .select()
      .from(incidentUpdates)
      .where(eq(incidentUpdates.incidentId, incident.id));
    expect(updates).toHaveLength(1);
    const again = await publishRoute(api(`incidents/${draft.id}/publish`, "POST", key, {}), {
      params: Promise.resolve({ id: draft.id }),
    });
    expect(again.status).toBe(409);

    const rotated = await rotateRoute(api(`integrations/${integration.id}/token`, "POST", key), {
      params: Promise.resolve({ id: integration.id }),
    });
    const { token: newToken } = (await rotated.json()) as { token: string };
    const oldRefused = await post(
      integration.id,
      { version: "4" },
      { authorization: `Bearer ${integration.token}` },
    );
    expect(oldRefused.status).toBe(401);
    const newAccepted = await post(
      integration.id,
      { version: "4" },
      { authorization: `Bearer ${newToken}` },
    );
    expect(newAccepted.status).toBe(400);

    const removed = await deleteIntegrationRoute(
      api(`integrations/${integration.id}`, "DELETE", key),
      {
        params: Promise.resolve({ id: integration.id }),
      },
    );
    expect(removed.status).toBe(200);
    const gone = await post(
      integration.id,
      { version: "4" },
      { authorization: `Bearer ${newToken}` },
    );
    expect(gone.status).toBe(401);
  });
});
