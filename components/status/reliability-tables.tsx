import { SEVERITIES } from "@/lib/db/schema";
import type { ReliabilityFigures } from "@/lib/reliability/compute-reliability";
import { shareRatio, type Share } from "@/lib/reliability/summarize-incidents";
import { formatMinutesToPost } from "@/lib/reliability/time-to-first-post";
import { formatDuration, formatPercent } from "@/lib/time/format";

/** "50% (1 of 2)": the count keeps a 100% over a single incident honest. */
function formatShare(share: Share): string {
  const ratio = shareRatio(share);
  return ratio === null
    ? "None in this window"
    : `${Math.round(ratio * 100)}% (${share.hits} of ${share.total})`;
}

function formatIncidents(f: ReliabilityFigures): string {
  const bySeverity = SEVERITIES.filter((s) => f.incidentsBySeverity[s] > 0).map(
    (s) => `${s} ${f.incidentsBySeverity[s]}`,
  );
  return bySeverity.length === 0 ? "None" : `${f.incidentCount} (${bySeverity.join(", ")})`;
}

/** Each figure once: its label, how it is computed, and how it reads; both tables use this list. */
const METRICS: { label: string; how: string; value: (f: ReliabilityFigures) => string }[] = [
  {
    label: "Uptime",
    how: "Time up as a share of time live: a minute of major outage counts as down, a minute of partial outage as 0.3 down.",
    value: (f) => formatPercent(f.uptime),
  },
  {
    label: "Incidents",
    how: "Incidents open at any time in the window, by severity.",
    value: formatIncidents,
  },
  {
    label: "Mean time to resolve",
    how: "Average time from start to resolution of the incidents resolved in the window.",
    value: (f) =>
      f.meanMinutesToResolve === null ? "None resolved" : formatDuration(f.meanMinutesToResolve),
  },
  {
    label: "Time to first post",
    how: "Median time from an incident’s first alert (or its declared start) to its first public update, over incidents started in the window.",
    value: (f) =>
      f.medianMinutesToFirstPost === null
        ? "None in this window"
        : formatMinutesToPost(f.medianMinutesToFirstPost, formatDuration),
  },
  {
    label: "Postmortems published",
    how: "Incidents resolved in the window whose postmortem (RCA) has been published.",
    value: (f) => formatShare(f.rcaPublished),
  },
  {
    label: "Updates on time",
    how: "“Next update by” promises made in the window that the next update or the resolution met; promises not yet due are left out.",
    value: (f) => formatShare(f.updatesOnTime),
  },
];

const cell = "border-b border-zinc-200 py-2 pr-4 align-top dark:border-zinc-800";
const muted = "text-zinc-600 dark:text-zinc-400";

/** All components together: one row per figure, with how it is computed beside it. */
export function OverallReliabilityTable({
  figures,
  caption,
}: {
  figures: ReliabilityFigures;
  caption: string;
}) {
  return (
    // Scrolls sideways on a phone instead of widening the page.
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>
              Figure
            </th>
            <th scope="col" className={cell}>
              Value
            </th>
            <th scope="col" className={cell}>
              How it is computed
            </th>
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m.label}>
              <th scope="row" className={`${cell} font-medium`}>
                {m.label}
              </th>
              <td className={`${cell} whitespace-nowrap font-semibold`}>{m.value(figures)}</td>
              <td className={`${cell} ${muted}`}>{m.how}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One row per component, one column per figure (computed as in the overall table). */
export function ComponentReliabilityTable({
  rows,
  caption,
}: {
  rows: { id: string; name: string; figures: ReliabilityFigures }[];
  caption: string;
}) {
  return (
    // Scrolls sideways on a phone; focusable so keyboard users can scroll it too.
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>
              Component
            </th>
            {METRICS.map((m) => (
              <th key={m.label} scope="col" className={cell}>
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className={`${cell} font-medium`}>
                {r.name}
              </th>
              {METRICS.map((m) => (
                <td key={m.label} className={cell}>
                  {m.value(r.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
