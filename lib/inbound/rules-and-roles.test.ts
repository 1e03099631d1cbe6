import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { createTestComponent, expectRefusedWithoutChanges } from "../testing/console-factories";
import { components, incidentDrafts, incidents, integrations } from "../db/schema";
import { newId } from "../ids";
import { createIntegration } from "./create-integration";
import { deleteIntegration } from "./delete-integration";
import { dismissDraft, publishDraft } from "./drafts/publish-draft";
import { processAlerts } from "./process-alerts";
import { applyDueAlerts } from "./apply-due-alerts";
import { decideForAlert, statusForSeverity } from "./match-rules";
import type { NormalizedAlert } from "./normalized-alert";
import { integrationRulesSchema, type IntegrationRule } from "./rules";

const alert = (labels: Record<string, string>, key = `k-${newId()}`): NormalizedAlert => ({
  key,
  status: "firing",
  labels,
  title: "Payments failing",
  summary: "Card authorisations time out",
  severity: labels.severity ?? null,
  startedAt: null,
});

it("maps severities and picks the first matching rule, case-insensitively", () => {
  expect(["critical", "WARNING", "info", null].map((s) => statusForSeverity(s))).toEqual([
    "major_outage",
    "degraded_performance",
    "partial_outage",
    "partial_outage",
  ]);
  const all = [
    { id: "aaaaaaaaaaaa", name: "Checkout" },
    { id: "bbbbbbbbbbbb", name: "Search" },
  ];
  expect(decideForAlert([], alert({ component: "CHECKOUT", severity: "critical" }), all)).toEqual({
    componentIds: ["aaaaaaaaaaaa"],
    status: "major_outage",
    actions: ["status", "draft"],
  });
  expect(decideForAlert([], alert({ service: "search" }), all)?.componentIds).toEqual([
    "bbbbbbbbbbbb",
  ]);
  // No named component and no rules: nothing, rather than a draft for every unrelated alert.
  expect(decideForAlert([], alert({ component: "Billing" }), all)).toBeNull();
  const rules: IntegrationRule[] = integrationRulesSchema.parse([
    {
      match: { team: "payments" },
      components: ["bbbbbbbbbbbb"],
      status: "under_maintenance",
      actions: ["draft"],
    },
    { actions: ["status"] },
  ]);
  expect(decideForAlert(rules, alert({ team: "Payments", component: "checkout" }), all)).toEqual({
    componentIds: ["bbbbbbbbbbbb"],
    status: "under_maintenance",
    actions: ["draft"],
  });
  expect(decideForAlert(rules, alert({ team: "infra", component: "checkout" }), all)).toEqual({
    componentIds: ["aaaaaaaaaaaa"],
    status: "partial_outage",
    actions: ["status"],
  });
});

describeEachEngine("integration rules and roles", ({ db }) => {
  it("a draft-only rule changes no component; a publish rule publishes the incident itself", async () => {
    const editor = await createMember(db(), "editor");
    const component = await createTestComponent(db(), { name: `Payments ${newId()}` });
    const draftOnly = await createIntegration({
      ctx: editor,
      input: {
        type: "generic",
        name: "Draft only",
        hold_down_seconds: 0,
        rules: [{ match: { team: "payments" }, components: [component.id], actions: ["draft"] }],
      },
    });
    const [row] = await db().select().from(integrations).where(eq(integrations.id, draftOnly.id));
    const now = new Date();
    await db().transaction(async (tx) => {
      await processAlerts(tx, row!, { groupKey: null, alerts: [alert({ team: "payments" })] }, now);
      await applyDueAlerts(tx, now, row!.id);
    });
    const [after] = await db().select().from(components).where(eq(components.id, component.id));
    expect(after!.status).toBe("operational");
    const drafts = await db()
      .select()
      .from(incidentDrafts)
      .where(eq(incidentDrafts.integrationId, row!.id));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.publishedIncidentId).toBeNull();

    const publisher = await createIntegration({
      ctx: editor,
      input: {
        type: "generic",
        name: "Publisher",
        hold_down_seconds: 0,
        rules: [
          { components: [component.id], status: "partial_outage", actions: ["status", "publish"] },
        ],
      },
    });
    const [publishing] = await db()
      .select()
      .from(integrations)
      .where(eq(integrations.id, publisher.id));
    await db().transaction(async (tx) => {
      await processAlerts(tx, publishing!, { groupKey: null, alerts: [alert({})] }, now);
      await applyDueAlerts(tx, now, publishing!.id);
    });
    const [published] = await db()
      .select()
      .from(incidentDrafts)
      .where(eq(incidentDrafts.integrationId, publishing!.id));
    expect(published!.publishedIncidentId).not.toBeNull();
    const [incident] = await db()
      .select()
      .from(incidents)
      .where(eq(incidents.id, published!.publishedIncidentId!));
    expect(incident).toMatchObject({
      title: "Payments failing",
      severity: "SEV2",
      commsLeadId: null,
    });
  });

  it("refuses viewers, unknown components and bad rules, writing nothing", async () => {
    const viewer = await createMember(db(), "viewer");
    const editor = await createMember(db(), "editor");
    const valid = { type: "alertmanager", name: "Prometheus" };
    await expectRefusedWithoutChanges(db(), createIntegration, viewer, valid, "forbidden");
    for (const input of [
      { ...valid, type: "nagios" },
      { ...valid, name: " " },
      { ...valid, hold_down_seconds: -1 },
      { ...valid, rules: [{ components: ["zzzzzzzzzzzz"], actions: ["status"] }] },
      { ...valid, rules: [{ actions: ["reboot"] }] },
      { ...valid, rules: [{ actions: [] }] },
      { type: "heartbeat", name: "Cron" },
    ])
      await expectRefusedWithoutChanges(db(), createIntegration, editor, input, "invalid");
    const created = await createIntegration({ ctx: editor, input: valid });
    await expectRefusedWithoutChanges(
      db(),
      deleteIntegration,
      viewer,
      { integrationId: created.id },
      "forbidden",
    );
    for (const write of [publishDraft, dismissDraft])
      await expectRefusedWithoutChanges(
        db(),
        write,
        viewer,
        { draftId: "aaaaaaaaaaaa" },
        "forbidden",
      );
    await expectRefusedWithoutChanges(
      db(),
      publishDraft,
      editor,
      { draftId: "aaaaaaaaaaaa" },
      "not_found",
    );
  });
});
