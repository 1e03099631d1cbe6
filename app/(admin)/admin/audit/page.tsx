import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { Field } from "@/components/ui/field";

export const metadata = { title: "Audit log · Herald" };

const FILTERS = ["actor", "action", "targetId"] as const;

/** A plain GET form: filters live in the URL, so a filtered view can be shared and works without JavaScript. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requestCtx();
  const params = await searchParams;
  const filter = Object.fromEntries(
    [...FILTERS, "before"].map((k) => [
      k,
      typeof params[k] === "string" && params[k] ? params[k] : undefined,
    ]),
  );
  const [{ entries, olderThan }, settings] = await Promise.all([
    listAuditLog({ ctx, input: filter }),
    getPageSettings(ctx.db),
  ]);
  const older = new URLSearchParams(
    Object.entries({ ...filter, before: olderThan ?? undefined }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter audit log">
        <Field label="Who (email contains)" name="actor" defaultValue={filter.actor ?? ""} />
        <Field
          label="Action starts with"
          name="action"
          defaultValue={filter.action ?? ""}
          hint="e.g. incident, component.status, team"
        />
        <Field label="Target id" name="targetId" defaultValue={filter.targetId ?? ""} />
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-4 py-2 text-sm dark:border-zinc-700"
        >
          Filter
        </button>
        <Link href="/admin/audit" className="py-2 text-sm underline">
          Clear
        </Link>
      </form>
      <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Audit entries">
        {entries.map((e) => (
          <li key={e.id} className="py-2 text-sm">
            <p className="flex flex-wrap gap-x-3">
              <span className="text-zinc-600 dark:text-zinc-400">
                {formatStamp(e.at, settings.timeZone)}
              </span>
              <span className="font-medium">{e.actorLabel}</span>
              <span className="font-mono">{e.action}</span>
              <span>
                {e.targetType} {e.targetId}
              </span>
            </p>
            {(e.before !== null || e.after !== null) && (
              <details>
                <summary className="cursor-pointer">Before / after</summary>
                <div className="grid gap-2 md:grid-cols-2">
                  {(["before", "after"] as const).map((side) => (
                    <pre
                      key={side}
                      className="overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900"
                    >
                      {side}: {JSON.stringify(e[side], null, 2)}
                    </pre>
                  ))}
                </div>
              </details>
            )}
          </li>
        ))}
        {entries.length === 0 && <li className="py-2">Nothing matches.</li>}
      </ol>
      {olderThan && (
        <Link href={`/admin/audit?${older}`} className="underline">
          Older entries
        </Link>
      )}
    </div>
  );
}
