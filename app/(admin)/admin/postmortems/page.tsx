import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { listPostmortems } from "@/lib/postmortems/list-postmortems";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { dayKeyOf } from "@/lib/time/days";
import { formatShortDay } from "@/lib/time/format";

const STATE_TEXT = { none: "Not started", draft: "Draft", published: "Published" } as const;

export default async function PostmortemsPage() {
  const ctx = await requestCtx();
  const [rows, settings] = await Promise.all([listPostmortems({ ctx }), getPageSettings(ctx.db)]);
  // The page's day, as the RCA reminders count it: a promise is overdue from the next day there.
  const today = dayKeyOf(new Date(), settings.timeZone);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Postmortems</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Resolved incidents and their root-cause analyses. Promised RCAs past their date are marked
        overdue.
      </p>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-700">
            <th scope="col" className="py-2 pr-3">
              Incident
            </th>
            <th scope="col" className="py-2 pr-3">
              Severity
            </th>
            <th scope="col" className="py-2 pr-3">
              RCA
            </th>
            <th scope="col" className="py-2">
              Promised by
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const overdue = r.rcaDueOn && r.rcaState !== "published" && r.rcaDueOn < today;
            return (
              <tr key={r.incidentId} className="border-b border-zinc-100 dark:border-zinc-800">
                <td className="py-2 pr-3">
                  <Link href={`/admin/postmortems/${r.incidentId}`} className="underline">
                    {r.title}
                  </Link>
                </td>
                <td className="py-2 pr-3 font-mono">{r.severity}</td>
                <td className="py-2 pr-3">
                  {STATE_TEXT[r.rcaState]}
                  {(r.publishedRevision ?? 0) > 1 ? ` (revision ${r.publishedRevision})` : ""}
                </td>
                <td
                  className={`py-2 ${overdue ? "font-semibold text-red-700 dark:text-red-400" : ""}`}
                >
                  {r.rcaDueOn
                    ? `${formatShortDay(r.rcaDueOn, today)}${overdue ? " · overdue" : ""}`
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
