import type { UptimeDay } from "@/lib/uptime/load-uptime";
import { formatPercent } from "@/lib/time/format";
import { toneOf } from "./uptime-bar";

/**
 * The bar of a component inside a collapsed group: the same colours, but runs
 * of days with the same tone drawn as one stretch, with no per-day detail (that
 * is on the group's own bar and on /uptime, one link away). A page of 200
 * components stays small; it reads the same without JavaScript.
 */
export function CompactUptimeBar({
  componentId,
  name,
  days,
  uptime,
}: {
  componentId: string;
  name: string;
  days: UptimeDay[];
  uptime: number | null;
}) {
  const runs: { tone: string; days: number }[] = [];
  for (const day of days) {
    const tone = toneOf(day);
    const last = runs.at(-1);
    if (last?.tone === tone) last.days++;
    else runs.push({ tone, days: 1 });
  }
  return (
    <div className="mt-2">
      <div
        role="img"
        aria-label={`${name}: ${formatPercent(uptime)} uptime over the last ${days.length} days`}
        className="flex h-3 gap-px"
      >
        {runs.map((run, i) => (
          <i key={i} className={`ud ud-${run.tone}`} style={{ flexGrow: run.days }} />
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
        <a className="underline" href={`/uptime?component=${componentId}`}>
          Daily detail
        </a>
        <span>{formatPercent(uptime)} uptime</span>
      </div>
    </div>
  );
}
