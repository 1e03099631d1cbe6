import Link from "next/link";
import type { listRcasDue } from "@/lib/postmortems/list-postmortems";
import { dayRange, type DayKey } from "@/lib/time/days";
import { formatShortDay } from "@/lib/time/format";

type RcaDue = Awaited<ReturnType<typeof listRcasDue>>[number];

/** "overdue", "due today", "due in 3 days": in words, so the state does not depend on colour. */
function dueWords(dueOn: DayKey, today: DayKey): { words: string; overdue: boolean } {
  if (dueOn < today) return { words: "overdue", overdue: true };
  if (dueOn === today) return { words: "due today", overdue: false };
  const days = dayRange(today, dueOn).length - 1;
  return { words: `due in ${days} day${days === 1 ? "" : "s"}`, overdue: false };
}

/** Promised RCAs not yet published, soonest first; `today` is the page's day. */
export function RcasDue({ rows, today }: { rows: RcaDue[]; today: DayKey }) {
  return (
    <section aria-labelledby="rcas-due">
      <h2 id="rcas-due" className="text-lg font-semibold">
        RCAs due ({rows.length})
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {rows.map((r) => {
          const { words, overdue } = dueWords(r.rcaDueOn!, today);
          return (
            <li key={r.incidentId} className="flex flex-wrap gap-x-3">
              <Link href={`/admin/postmortems/${r.incidentId}`} className="underline">
                {r.title}
              </Link>
              <span
                className={
                  overdue
                    ? "font-semibold text-red-700 dark:text-red-400"
                    : "text-zinc-600 dark:text-zinc-400"
                }
              >
                promised by {formatShortDay(r.rcaDueOn!, today)} · {words}
              </span>
            </li>
          );
        })}
        {rows.length === 0 && <li>No RCAs promised and unpublished.</li>}
      </ul>
    </section>
  );
}
