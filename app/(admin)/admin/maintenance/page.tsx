import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listMaintenance, type ConsoleMaintenance } from "@/lib/maintenance/list-maintenance";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { loadPickableComponents } from "../incidents/load-pickable";
import { MaintenanceControls } from "./_components/maintenance-controls";
import { ScheduleForm } from "./_components/schedule-form";

export const metadata = { title: "Maintenance · Herald" };

const REPEAT_LABELS = { daily: "every day", weekly: "every week", monthly: "every month" };

export default async function MaintenancePage() {
  const ctx = await requestCtx();
  const [{ active, finished }, settings, components] = await Promise.all([
    listMaintenance({ ctx }),
    getPageSettings(ctx.db),
    loadPickableComponents(ctx.db),
  ]);
  const canEdit = hasRole(ctx.actor, "editor");
  const row = (m: ConsoleMaintenance) => (
    <li key={m.id} className="flex flex-col gap-2 py-3">
      <p className="flex flex-wrap gap-x-3">
        <strong>{m.title}</strong>
        <span className="text-sm">{m.state.replace("_", " ")}</span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {formatStamp(m.scheduledFor, settings.timeZone)} –{" "}
          {formatStamp(m.scheduledUntil, settings.timeZone)}
        </span>
      </p>
      <p className="text-sm">Affects: {m.componentNames.join(", ") || "no components"}</p>
      {m.repeat && (
        <p className="text-sm">
          Repeats {REPEAT_LABELS[m.repeat]}
          {m.repeatUntil && ` until ${formatStamp(m.repeatUntil, settings.timeZone)}`}
        </p>
      )}
      <MarkdownBody markdown={m.body} className="text-sm" />
      {canEdit && (
        <MaintenanceControls
          id={m.id}
          title={m.title}
          state={m.state}
          repeats={!!m.repeat}
          timeZone={settings.timeZone}
        />
      )}
    </li>
  );
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Maintenance</h1>
      <section aria-labelledby="active-heading">
        <h2 id="active-heading" className="text-lg font-semibold">
          Upcoming and in progress ({active.length})
        </h2>
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">{active.map(row)}</ul>
      </section>
      {canEdit && (
        <section
          aria-labelledby="schedule-heading"
          className="flex flex-col gap-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="schedule-heading" className="text-lg font-semibold">
            Schedule maintenance
          </h2>
          <ScheduleForm components={components} timeZone={settings.timeZone} />
        </section>
      )}
      <section aria-labelledby="finished-heading">
        <h2 id="finished-heading" className="text-lg font-semibold">
          Finished
        </h2>
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">{finished.map(row)}</ul>
      </section>
    </div>
  );
}
