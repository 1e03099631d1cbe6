import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { components, inboundAlerts, incidentDrafts, type Integration } from "../db/schema";
import { attachToDraft } from "./drafts/attach-to-draft";
import { decideForAlert } from "./match-rules";
import type { NormalizedAlert, ParsedPayload } from "./normalized-alert";

/**
 * Records each alert (deduplicated by its key), drafts an incident for the comms
 * lead at once when a rule says so (a draft is not public), and marks resolved
 * alerts; public changes wait for the hold-down in applyDueAlerts.
 */
export async function processAlerts(
  tx: Db,
  integration: Integration,
  payload: ParsedPayload,
  now: Date,
): Promise<string[]> {
  const lines: string[] = [];
  const all = await tx.select({ id: components.id, name: components.name }).from(components);
  const touchedDrafts = new Set<string>();
  for (const alert of payload.alerts) {
    const [existing] = await tx
      .select()
      .from(inboundAlerts)
      .where(and(eq(inboundAlerts.integrationId, integration.id), eq(inboundAlerts.key, alert.key)))
      .for("update");
    if (alert.status === "resolved") {
      if (!existing || existing.status === "resolved") {
        lines.push(
          `“${alert.title}”: resolved, ${existing ? "already recorded" : "never seen firing"}`,
        );
        continue;
      }
      await tx
        .update(inboundAlerts)
        .set({ status: "resolved", resolvedAt: now, lastSeenAt: now })
        .where(eq(inboundAlerts.id, existing.id));
      if (existing.draftId) touchedDrafts.add(existing.draftId);
      lines.push(`“${alert.title}”: resolved`);
      continue;
    }
    if (existing?.status === "firing") {
      await tx
        .update(inboundAlerts)
        .set({ lastSeenAt: now })
        .where(eq(inboundAlerts.id, existing.id));
      lines.push(`“${alert.title}”: still firing (duplicate)`);
      continue;
    }
    lines.push(await recordFiring(tx, integration, { payload, alert, existing, all, now }));
  }
  lines.push(...(await markResolvedDrafts(tx, [...touchedDrafts], now)));
  return lines;
}

async function recordFiring(
  tx: Db,
  integration: Integration,
  input: {
    payload: ParsedPayload;
    alert: NormalizedAlert;
    existing: { id: string } | undefined;
    all: { id: string; name: string }[];
    now: Date;
  },
) {
  const { alert, now } = input;
  const decision = decideForAlert(integration.rules, alert, input.all);
  let draftId: string | null = null;
  let draftLine = "";
  if (decision && decision.actions.some((a) => a === "draft" || a === "publish")) {
    const { draft, created } = await attachToDraft(tx, integration, {
      groupKey: input.payload.groupKey ?? alert.key,
      alert,
      decision,
      all: input.all,
      now,
    });
    draftId = draft.id;
    draftLine = draft.publishedIncidentId
      ? `; part of incident ${draft.publishedIncidentId}`
      : created
        ? `; drafted “${draft.title}”`
        : "; added to the draft";
  }
  // A re-firing alert (flapping) starts over: new hold-down, nothing applied yet.
  const values = {
    integrationId: integration.id,
    key: alert.key,
    groupKey: input.payload.groupKey,
    status: "firing" as const,
    title: alert.title,
    summary: alert.summary,
    componentIds: decision?.componentIds ?? [],
    targetStatus: decision?.status ?? null,
    actions: decision?.actions ?? [],
    startedAt: alert.startedAt ?? now,
    firstSeenAt: now,
    lastSeenAt: now,
    resolvedAt: null,
    appliedAt: decision ? null : now,
    restoredAt: null,
    changes: [],
    draftId,
  };
  if (input.existing)
    await tx.update(inboundAlerts).set(values).where(eq(inboundAlerts.id, input.existing.id));
  else await tx.insert(inboundAlerts).values(values);
  if (!decision)
    return `“${alert.title}”: firing; no rule matched and no component is named, nothing done`;
  const held =
    decision.actions.some((a) => a !== "draft") && integration.holdDownSeconds > 0
      ? `; held ${integration.holdDownSeconds}s before changing anything public`
      : "";
  return `“${alert.title}”: firing${draftLine}${held}`;
}

/** A draft whose alerts all resolved says so (published ones: the console suggests "monitoring"). */
async function markResolvedDrafts(tx: Db, draftIds: string[], now: Date) {
  if (draftIds.length === 0) return [];
  const firing = await tx
    .select({ draftId: inboundAlerts.draftId })
    .from(inboundAlerts)
    .where(and(inArray(inboundAlerts.draftId, draftIds), eq(inboundAlerts.status, "firing")));
  const done = draftIds.filter((id) => !firing.some((f) => f.draftId === id));
  if (done.length === 0) return [];
  const marked = await tx
    .update(incidentDrafts)
    .set({ alertsResolvedAt: now })
    .where(inArray(incidentDrafts.id, done))
    .returning();
  return marked.map((d) =>
    d.publishedIncidentId
      ? `every alert behind incident ${d.publishedIncidentId} resolved: a “monitoring” update is suggested`
      : `every alert behind the draft “${d.title}” resolved`,
  );
}
