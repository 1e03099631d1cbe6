import { requestCtx } from "@/app/_lib/request-context";
import { hasRole, requireRole } from "@/lib/auth/authorize";
import { listComponentTree } from "@/lib/components/list-component-tree";
import type { Component } from "@/lib/db/schema";
import { StatusLabel } from "@/components/status/status-dot";
import { ComponentFieldsForm } from "./_components/component-fields-form";
import { GroupForm } from "./_components/group-form";
import { MoveButtons } from "./_components/move-buttons";
import { StatusForm } from "./_components/status-form";
import { listStatusHistory } from "@/lib/components/list-status-history";
import { STATUS_LABELS } from "@/lib/components/status";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";

export const metadata = { title: "Components · Herald" };

export default async function ComponentsPage() {
  const ctx = await requestCtx();
  requireRole(ctx.actor, "viewer");
  const [tree, history, settings] = await Promise.all([
    listComponentTree(ctx.db, { publicOnly: false }),
    listStatusHistory({ ctx }),
    getPageSettings(ctx.db),
  ]);
  const canEdit = hasRole(ctx.actor, "editor");
  const groups = tree.groups.map((g) => ({ id: g.id, name: g.name }));
  const rows = (list: Component[]) => (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {list.map((c, i) => (
        <li key={c.id} className="flex flex-col gap-2 py-3">
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="font-medium">{c.name}</h3>
            <StatusLabel status={c.status} />
            {!c.visible && (
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                hidden from the public page
              </span>
            )}
            {canEdit && (
              <span className="ml-auto">
                <MoveButtons
                  kind="component"
                  id={c.id}
                  name={c.name}
                  first={i === 0}
                  last={i === list.length - 1}
                />
              </span>
            )}
          </div>
          {canEdit && (
            <div className="flex flex-wrap items-start gap-6">
              <StatusForm id={c.id} name={c.name} status={c.status} />
              <details className="grow">
                <summary className="cursor-pointer text-sm">Edit details</summary>
                <div className="mt-2">
                  <ComponentFieldsForm groups={groups} component={c} />
                </div>
              </details>
            </div>
          )}
        </li>
      ))}
      {list.length === 0 && <li className="py-3 text-sm">No components.</li>}
    </ul>
  );
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Components</h1>
      {!canEdit && (
        <p className="rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700">
          Only editors can change components; you can read them.
        </p>
      )}
      {tree.groups.map((g, i) => (
        <section
          key={g.id}
          aria-labelledby={`group-${g.id}-heading`}
          className="flex flex-col gap-2"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h2 id={`group-${g.id}-heading`} className="text-lg font-semibold">
              {g.name}
            </h2>
            {canEdit && (
              <span className="ml-auto">
                <MoveButtons
                  kind="group"
                  id={g.id}
                  name={g.name}
                  first={i === 0}
                  last={i === tree.groups.length - 1}
                />
              </span>
            )}
          </div>
          {canEdit && (
            <details>
              <summary className="cursor-pointer text-sm">Rename group</summary>
              <div className="mt-2">
                <GroupForm group={g} />
              </div>
            </details>
          )}
          {rows(g.components)}
        </section>
      ))}
      {tree.ungrouped.length > 0 && (
        <section aria-labelledby="ungrouped-heading" className="flex flex-col gap-2">
          <h2 id="ungrouped-heading" className="text-lg font-semibold">
            Not in a group
          </h2>
          {rows(tree.ungrouped)}
        </section>
      )}
      {canEdit && (
        <section
          aria-labelledby="add-heading"
          className="flex flex-col gap-4 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="add-heading" className="text-lg font-semibold">
            Add components and groups
          </h2>
          <h3 className="font-medium">New component</h3>
          <ComponentFieldsForm groups={groups} />
          <h3 className="font-medium">New group</h3>
          <GroupForm />
        </section>
      )}
      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          Recent status changes
        </h2>
        {history.length === 0 && <p className="text-sm">No changes yet.</p>}
        <ul aria-label="Recent status changes" className="flex flex-col gap-1 text-sm">
          {history.map((h) => (
            <li key={h.id}>
              {formatStamp(h.at, settings.timeZone)} · {h.component}:{" "}
              {h.from ? STATUS_LABELS[h.from] : "new"} → {STATUS_LABELS[h.to]} · {h.causeText}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
