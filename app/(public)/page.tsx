import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { listComponentTree } from "@/lib/components/list-component-tree";
import { listOpenIncidents } from "@/lib/incidents/list-open-incidents";
import { STATUS_LABELS, worstStatus } from "@/lib/components/status";
import { StatusLabel } from "@/components/status/status-dot";

export default async function StatusPage() {
  await connection();
  const db = await getDb();
  const [settings, tree, open] = await Promise.all([
    getPageSettings(db),
    listComponentTree(db, { publicOnly: true }),
    listOpenIncidents(db),
  ]);
  const all = [...tree.groups.flatMap((g) => g.components), ...tree.ungrouped];
  const overall = worstStatus(all.map((c) => c.status));
  return (
    <main className="mx-auto max-w-3xl px-4 py-8" style={{ ["--brand" as string]: settings.brandColor }}>
      <h1 className="text-2xl font-semibold">{settings.name}</h1>
      <p className="mt-4 rounded-md border border-zinc-200 p-4 text-lg font-medium dark:border-zinc-800">
        {overall === "operational" ? "All Systems Operational" : STATUS_LABELS[overall]}
      </p>
      {open.length > 0 && (
        <section aria-labelledby="active-incidents" className="mt-6">
          <h2 id="active-incidents" className="text-lg font-semibold">
            Active incidents
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {open.map((i) => (
              <li key={i.id}>{i.title}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="components" className="mt-6">
        <h2 id="components" className="text-lg font-semibold">
          Components
        </h2>
        {tree.groups.map((g) => (
          <div key={g.id} className="mt-4">
            <h3 className="font-medium">{g.name}</h3>
            <ul className="mt-1 divide-y divide-zinc-200 dark:divide-zinc-800">
              {g.components.map((c) => (
                <li key={c.id} className="flex items-center justify-between py-2">
                  <span>{c.name}</span>
                  <StatusLabel status={c.status} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </main>
  );
}
