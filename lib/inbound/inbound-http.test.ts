import { and, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { POST as postWithHeader } from "@/app/api/inbound/[id]/route";
import { POST as postWithPathToken } from "@/app/api/inbound/[id]/[token]/route";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent } from "../testing/console-factories";
import {
  auditLog,
  components,
  componentStatusEvents,
  inboundEvents,
  incidentDrafts,
  incidents,
} from "../db/schema";
import { newId } from "../ids";
import { setComponentStatus } from "../components/set-component-status";
import { listStatusHistory } from "../components/list-status-history";
import { createIntegration } from "./create-integration";
import { applyDueAlerts } from "./apply-due-alerts";
import { runTick } from "../worker/run-tick";
import { listDrafts } from "./drafts/list-drafts";
import { readWire } from "../statuspage/test-helpers";
import { alertmanagerPayload } from "./fixtures/alertmanager";
import { grafanaGroupedPayload } from "./fixtures/grafana";

type Body = Record<string, unknown>;

describeEachEngine("inbound alerts over HTTP", ({ db, handle }) => {
  beforeEach(() => {
    // The route handlers open the process-wide database: point it at this suite's.
    (globalThis as { __heraldDb?: Promise<unknown> }).__heraldDb = Promise.resolve(handle());
  });

  async function setUp(input: Body = {}) {
    const editor = await createMember(db(), "editor");
    const component = await createTestComponent(db(), { name: `Checkout ${newId()}` });
    const integration = await createIntegration({
      ctx: editor,
      input: { type: "alertmanager", name: "Prometheus", hold_down_seconds: 0, ...input },
    });
    return { editor, component, integration };
  }

  function post(id: string, body: unknown, headers: Record<string, string>) {
    const request = new Request(`http://herald.test/api/inbound/${id}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return postWithHeader(request, { params: Promise.resolve({ id }) });
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const statusOf = async (id: string) =>
    (await db().select().from(components).where(eq(components.id, id)))[0]!.status;

  it("turns the named component amber-or-worse and drafts an incident at once, and restores it on resolve", async () => {
    const { component, integration } = await setUp();
    const incidentsBefore = (await db().select().from(incidents)).length;
    const firing = alertmanagerPayload("firing", [
      { component: component.name.toLowerCase(), fingerprint: `fp-${newId()}` },
    ]);
    const response = await post(integration.id, firing, bearer(integration.token));
    expect(response.status).toBe(202);
    expect(await statusOf(component.id)).toBe("major_outage");

    const [event] = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, component.id));
    expect(event).toMatchObject({
      cause: "integration",
      integrationId: integration.id,
      actorId: null,
    });
    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, component.id));
    expect(audits.map((a) => a.actorLabel)).toEqual(["integration:Prometheus"]);
    const history = await listStatusHistory({ ctx: { db: db(), actor: { kind: "system" } } });
    expect(history.find((h) => h.component === component.name)).toMatchObject({
      to: "major_outage",
      causeText: "alert from integration “Prometheus”",
    });

    const draft = (await listDrafts({ ctx: { db: db(), actor: { kind: "system" } } })).find(
      (d) => d.integrationId === integration.id,
    );
    expect(draft).toMatchObject({
      title: `${component.name.toLowerCase()} probe failing`,
      severity: "SEV1",
      components: [{ componentId: component.id, status: "major_outage" }],
    });
    const [draftAudit] = await db().select().from(auditLog).where(eq(auditLog.targetId, draft!.id));
    expect(draftAudit).toMatchObject({
      action: "incident_draft.create",
      actorLabel: "integration:Prometheus",
    });
    expect(draft!.body).toContain("**Current status:** We are investigating: Instance");
    // A draft is not an incident: nothing public exists yet.
    expect((await db().select().from(incidents)).length).toBe(incidentsBefore);
    const wire = await readWire(db());
    expect(JSON.stringify(wire("incidents.json"))).not.toContain("probe failing");

    const resolved = await post(
      integration.id,
      {
        ...firing,
        status: "resolved",
        alerts: firing.alerts.map((a) => ({ ...a, status: "resolved" })),
      },
      bearer(integration.token),
    );
    expect(resolved.status).toBe(202);
    expect(await statusOf(component.id)).toBe("operational");
    const [after] = await db()
      .select()
      .from(incidentDrafts)
      .where(eq(incidentDrafts.id, draft!.id));
    expect(after!.alertsResolvedAt).toBeInstanceOf(Date);
    const log = await db()
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.integrationId, integration.id));
    expect(log.flatMap((e) => e.outcome).join("\n")).toContain("restored to operational");
  });

  it("deduplicates a repeated alert by fingerprint: one change, one draft", async () => {
    const { component, integration } = await setUp();
    const firing = alertmanagerPayload("firing", [
      { component: component.name, fingerprint: `fp-${newId()}`, severity: "warning" },
    ]);
    for (let i = 0; i < 3; i++) await post(integration.id, firing, bearer(integration.token));
    expect(await statusOf(component.id)).toBe("degraded_performance");
    const events = await db()
      .select()
      .from(componentStatusEvents)
      .where(eq(componentStatusEvents.componentId, component.id));
    expect(events).toHaveLength(1);
    const drafts = await db()
      .select()
      .from(incidentDrafts)
      .where(eq(incidentDrafts.integrationId, integration.id));
    expect(drafts).toHaveLength(1);
  });

  it("holds an alert for the hold-down before changing a component; the draft is there at once", async () => {
    const { component, integration } = await setUp({ hold_down_seconds: 120 });
    const firing = alertmanagerPayload("firing", [
      { component: component.name, fingerprint: `fp-${newId()}` },
    ]);
    await post(integration.id, firing, bearer(integration.token));
    expect(await statusOf(component.id)).toBe("operational");
    expect(
      await db()
        .select()
        .from(incidentDrafts)
        .where(eq(incidentDrafts.integrationId, integration.id)),
    ).toHaveLength(1);
    await db().transaction((tx) => applyDueAlerts(tx, new Date(Date.now() + 60_000)));
    expect(await statusOf(component.id)).toBe("operational");
    // The worker's once-a-minute tick is what applies it once the hold-down has passed.
    await runTick(db(), new Date(Date.now() + 121_000));
    expect(await statusOf(component.id)).toBe("major_outage");
  });

  it("leaves a component a person changed since, when the alert resolves", async () => {
    const { editor, component, integration } = await setUp();
    const firing = alertmanagerPayload("firing", [
      { component: component.name, fingerprint: `fp-${newId()}` },
    ]);
    await post(integration.id, firing, bearer(integration.token));
    await setComponentStatus({
      ctx: editor,
      input: { componentId: component.id, status: "partial_outage" },
    });
    await post(
      integration.id,
      {
        ...firing,
        status: "resolved",
        alerts: firing.alerts.map((a) => ({ ...a, status: "resolved" })),
      },
      bearer(integration.token),
    );
    expect(await statusOf(component.id)).toBe("partial_outage");
  });

  it("drafts one incident for grouped alerts on several components (Grafana)", async () => {
    const { editor, component, integration } = await setUp({ type: "grafana" });
    const second = await createTestComponent(db(), { name: `Search ${newId()}` });
    const response = await post(
      integration.id,
      grafanaGroupedPayload([component.name, second.name]),
      bearer(integration.token),
    );
    expect(response.status).toBe(202);
    const drafts = await db()
      .select()
      .from(incidentDrafts)
      .where(eq(incidentDrafts.integrationId, integration.id));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.components.map((c) => c.componentId).sort()).toEqual(
      [component.id, second.id].sort(),
    );
    expect(drafts[0]!.severity).toBe("SEV3");
    expect(await statusOf(second.id)).toBe("degraded_performance");
    void editor;
  });

  it("damps a flapping alert: after fire and resolve, firing again waits for the spacing", async () => {
    const { component, integration } = await setUp();
    const firing = alertmanagerPayload("firing", [
      { component: component.name, fingerprint: `fp-${newId()}` },
    ]);
    const resolved = {
      ...firing,
      status: "resolved",
      alerts: firing.alerts.map((a) => ({ ...a, status: "resolved" })),
    };
    await post(integration.id, firing, bearer(integration.token));
    await post(integration.id, resolved, bearer(integration.token));
    await post(integration.id, firing, bearer(integration.token));
    expect(await statusOf(component.id)).toBe("operational");
    await db().transaction((tx) => applyDueAlerts(tx, new Date(Date.now() + 6 * 60_000)));
    expect(await statusOf(component.id)).toBe("major_outage");
  });

  it("accepts the token as the last path segment and refuses a wrong one with 401, recording nothing", async () => {
    const { component, integration } = await setUp();
    const firing = alertmanagerPayload("firing", [
      { component: component.name, fingerprint: `fp-${newId()}` },
    ]);
    const wrong = await post(integration.id, firing, bearer(`hrin_${"0".repeat(48)}`));
    expect(wrong.status).toBe(401);
    const missing = await post(integration.id, firing, {});
    expect(missing.status).toBe(401);
    expect(
      await db()
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.integrationId, integration.id)),
    ).toHaveLength(0);
    expect(await statusOf(component.id)).toBe("operational");

    const request = new Request(
      `http://herald.test/api/inbound/${integration.id}/${integration.token}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(firing),
      },
    );
    const viaPath = await postWithPathToken(request, {
      params: Promise.resolve({ id: integration.id, token: integration.token }),
    });
    expect(viaPath.status).toBe(202);
    expect(await statusOf(component.id)).toBe("major_outage");
  });

  it("refuses non-JSON (415) and an unknown shape (400, saying what was expected), and logs both", async () => {
    const { integration } = await setUp();
    const text = await post(integration.id, "hello", {
      ...bearer(integration.token),
      "content-type": "text/plain",
    });
    expect(text.status).toBe(415);
    const wrongShape = await post(integration.id, { hello: "world" }, bearer(integration.token));
    expect(wrongShape.status).toBe(400);
    const body = (await wrongShape.json()) as { error: { message: string } };
    expect(body.error.message).toContain("Alertmanager/Grafana webhook");
    const log = await db()
      .select()
      .from(inboundEvents)
      .where(
        and(eq(inboundEvents.integrationId, integration.id), eq(inboundEvents.httpStatus, 400)),
      );
    expect(log).toHaveLength(1);
    expect(log[0]!.payload).toBe('{"hello":"world"}');
  });
});
