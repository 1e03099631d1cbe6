import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listUpstreams } from "@/lib/upstreams/list-upstreams";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { CreateUpstreamForm, DeleteUpstreamButton } from "./_components/upstream-forms";

export const metadata = { title: "Upstream pages · Herald" };

export default async function UpstreamsPage() {
  const ctx = await requestCtx();
  const [rows, settings] = await Promise.all([listUpstreams({ ctx }), getPageSettings(ctx.db)]);
  const canWrite = hasRole(ctx.actor, "editor");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Upstream pages</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Providers you depend on. Herald reads their status page every minute, shows the components
        you pick in a group of their own, and drafts a notice for the comms lead when one of their
        incidents touches something your components depend on.
      </p>
      {rows.length === 0 ? (
        <p className="text-sm">No upstream pages yet.</p>
      ) : (
        <ul aria-label="Upstream pages" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-3 py-3">
              <Link href={`/admin/upstreams/${row.id}`} className="font-medium underline">
                {row.name}
              </Link>
              <span className="text-sm">{row.host}</span>
              <span className="text-sm">
                {row.unknown_since
                  ? `Status unknown since ${formatStamp(row.unknown_since, settings.timeZone)}`
                  : "Reading"}
              </span>
              <span className="ml-auto">
                {canWrite && <DeleteUpstreamButton id={row.id} name={row.name} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <section
          aria-labelledby="add-upstream-heading"
          className="flex flex-col gap-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="add-upstream-heading" className="text-lg font-semibold">
            Add an upstream page
          </h2>
          <CreateUpstreamForm />
        </section>
      )}
    </div>
  );
}
