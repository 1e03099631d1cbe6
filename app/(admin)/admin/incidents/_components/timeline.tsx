import type { ConsoleIncident } from "@/lib/incidents/get-incident";
import type { DeliveryStatus } from "@/lib/notifications/delivery-status";
import { STATUS_LABELS } from "@/lib/components/status";
import { STATE_LABELS } from "@/lib/incidents/severity";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { formatStamp } from "@/lib/time/format";
import { DeliverySummary } from "./delivery-summary";
import { EditUpdateForm } from "./edit-update-form";

/** Every update newest first, with what only the console shows: internal fields, edits, delivery choice. */
export function Timeline({
  incident,
  timeZone,
  canEdit,
  deliveries,
  queued,
}: {
  incident: ConsoleIncident;
  timeZone: string;
  canEdit: boolean;
  deliveries: DeliveryStatus[];
  /** Updates whose notifications are queued but not yet counted. */
  queued: ReadonlySet<string>;
}) {
  // Corrections and handoffs sit between the updates, by when they happened.
  const entries = [
    ...incident.updates.map((u) => ({ at: u.displayAt, update: u, change: null })),
    ...incident.changes.map((c) => ({ at: c.createdAt, update: null, change: c })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <ol className="flex flex-col gap-4" aria-label="Updates">
      {entries.map(({ update: u, change }) =>
        change ? (
          <ChangeItem key={change.id} change={change} timeZone={timeZone} />
        ) : (
          <li key={u.id} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
            <p className="flex flex-wrap gap-x-3 text-sm">
              <strong>{STATE_LABELS[u.state]}</strong>
              {u.reopened && (
                <span className="font-medium text-red-700 dark:text-red-400">Reopened</span>
              )}
              <span>{formatStamp(u.displayAt, timeZone)}</span>
              {u.nextUpdateBy && (
                <span>Next update by {formatStamp(u.nextUpdateBy, timeZone)}</span>
              )}
              {u.nextUpdateReason && (
                <span className="text-zinc-700 dark:text-zinc-300">
                  Later than the cadence because: {u.nextUpdateReason}
                </span>
              )}
              <DeliverySummary
                notify={u.notify}
                status={deliveries.find((d) => d.subjectId === u.id)}
                queued={queued.has(u.id)}
              />
              {u.editedAt && <span>Edited {formatStamp(u.editedAt, timeZone)}</span>}
            </p>
            <MarkdownBody markdown={u.body} className="mt-2" />
            {u.componentChanges.length > 0 && (
              <ul className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
                {u.componentChanges.map((c) => (
                  <li key={c.name}>
                    {c.name}: {STATUS_LABELS[c.oldStatus]} → {STATUS_LABELS[c.newStatus]}
                  </li>
                ))}
              </ul>
            )}
            {(u.internalNote || u.businessImpact || u.eta) && (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-900">
                {(
                  [
                    ["Internal note", u.internalNote],
                    ["Business impact", u.businessImpact],
                    ["ETA", u.eta],
                  ] as const
                )
                  .filter(([, value]) => value)
                  .map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="font-medium">{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
              </dl>
            )}
            {u.revisions.length > 0 && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer">
                  Earlier versions ({u.revisions.length})
                </summary>
                {u.revisions.map((r) => (
                  <div
                    key={r.id}
                    className="mt-2 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700"
                  >
                    <p className="text-zinc-600 dark:text-zinc-400">
                      Replaced {formatStamp(r.replacedAt, timeZone)}
                    </p>
                    <MarkdownBody markdown={r.body} />
                  </div>
                ))}
              </details>
            )}
            {canEdit && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer">Edit this update</summary>
                <EditUpdateForm
                  incidentId={u.incidentId}
                  updateId={u.id}
                  body={u.body}
                  updatedAt={u.updatedAt.toISOString()}
                />
              </details>
            )}
          </li>
        ),
      )}
    </ol>
  );
}

/** "Title: “Old” → “New” · Comms lead: a → b", with who and when; console only. */
function ChangeItem({
  change,
  timeZone,
}: {
  change: ConsoleIncident["changes"][number];
  timeZone: string;
}) {
  return (
    <li
      className="rounded-md border border-dashed border-zinc-300 px-4 py-2 text-sm dark:border-zinc-700"
      data-kind={change.kind}
    >
      <p className="flex flex-wrap gap-x-3">
        <span className="font-semibold">
          {change.kind === "handoff" ? "Comms lead handed over" : "Details changed"}
        </span>
        <span>{formatStamp(change.createdAt, timeZone)}</span>
        <span>by {change.actorLabel}</span>
      </p>
      <ul>
        {change.changes.map((c, i) => (
          <li key={i}>
            {c.field}: {c.from ?? "none"} → {c.to ?? "none"}
          </li>
        ))}
      </ul>
    </li>
  );
}
