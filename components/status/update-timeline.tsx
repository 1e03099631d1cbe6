import type { PublicIncidentUpdate } from "@/lib/public/hydrate-incidents";
import { STATUS_LABELS } from "@/lib/components/status";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { PageTime } from "./local-time";

export const STATE_LABELS: Record<string, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
  cancelled: "Cancelled",
  postmortem: "Postmortem",
};

/** Incident and maintenance updates share this shape. */
type TimelineUpdate = { id: string; state: string; body: string; displayAt: Date } & Partial<
  Pick<PublicIncidentUpdate, "componentChanges" | "editedAt" | "reopened">
>;

/** Updates newest first, each with its state, time, body and the component changes it made. */
export function UpdateTimeline({
  updates,
  timeZone,
}: {
  updates: TimelineUpdate[];
  timeZone: string;
}) {
  return (
    <ol className="flex flex-col gap-4">
      {updates.map((u) => (
        <li key={u.id} className="border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
          <p className="text-sm">
            <strong className="font-semibold">
              {u.reopened ? "Reopened" : STATE_LABELS[u.state]}
            </strong>
            <span className="text-zinc-600 dark:text-zinc-400">
              {" · "}
              <PageTime date={u.displayAt} timeZone={timeZone} />
              {u.editedAt && " · edited"}
            </span>
          </p>
          <div className="mt-1">
            <MarkdownBody markdown={u.body} />
          </div>
          {u.componentChanges && u.componentChanges.length > 0 && (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {u.componentChanges
                .map((c) => `${c.name}: ${STATUS_LABELS[c.newStatus]}`)
                .join(" · ")}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
