import Link from "next/link";
import type { PublicMaintenance } from "@/lib/public/hydrate-maintenances";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { PageTime } from "./local-time";
import { STATE_LABELS, UpdateTimeline } from "./update-timeline";

/** A maintenance window: when, what is affected, and its updates. */
export function MaintenanceCard({
  maintenance,
  timeZone,
}: {
  maintenance: PublicMaintenance;
  timeZone: string;
}) {
  return (
    <article
      aria-labelledby={`maintenance-${maintenance.id}`}
      className="rounded-lg border border-blue-200 p-5 dark:border-blue-900"
    >
      <h3 id={`maintenance-${maintenance.id}`} className="text-lg font-semibold text-maintenance">
        <Link href={`/maintenance/${maintenance.id}`} className="hover:underline">
          {maintenance.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {STATE_LABELS[maintenance.state]} ·{" "}
        <PageTime date={maintenance.scheduledFor} timeZone={timeZone} /> –{" "}
        <PageTime date={maintenance.scheduledUntil} timeZone={timeZone} format="time" />
      </p>
      {maintenance.components.length > 0 && (
        <p className="mt-2 text-sm">
          Affects: {maintenance.components.map((c) => c.name).join(", ")}
        </p>
      )}
      {maintenance.updates.length > 0 ? (
        <div className="mt-4">
          <UpdateTimeline updates={maintenance.updates} timeZone={timeZone} />
        </div>
      ) : (
        maintenance.body && (
          <div className="mt-3">
            <MarkdownBody markdown={maintenance.body} />
          </div>
        )
      )}
    </article>
  );
}
