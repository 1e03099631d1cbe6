import escapeHtml from "escape-html";
import type { UptimeDay } from "@/lib/uptime/load-uptime";
import { formatDay, formatDuration, formatPercent } from "@/lib/time/format";
import type { Tone } from "./tones";

export function toneOf(day: UptimeDay): Tone {
  if (day.uptime === null) return "neutral";
  if (day.majorMinutes > 0) return "critical";
  if (day.partialMinutes > 0) return "major";
  if (day.incidents.length > 0) return "minor";
  return "ok";
}

function summary(day: UptimeDay): string {
  if (day.uptime === null) return `${formatDay(day.day)}: no data`;
  const incidents =
    day.incidents.length === 0
      ? "no incidents"
      : `${day.incidents.length} incident${day.incidents.length > 1 ? "s" : ""}`;
  return `${formatDay(day.day)}: ${formatPercent(day.uptime)} uptime, ${incidents}`;
}

const notable = (day: UptimeDay) => day.incidents.length > 0 || day.downtimeMinutes > 0;

function dayButton(id: string, day: UptimeDay, i: number): string {
  const popover = notable(day) ? ` popovertarget="${escapeHtml(`${id}-${i}`)}"` : "";
  return `<button type="button"${popover} aria-label="${escapeHtml(summary(day))}" class="ud ud-${toneOf(day)}"></button>`;
}

function dayPopover(id: string, day: UptimeDay, i: number): string {
  const lines = [
    `<p class="font-semibold">${escapeHtml(formatDay(day.day))}</p>`,
    `<p>${day.uptime === null ? "Not monitored yet" : `${escapeHtml(formatPercent(day.uptime))} uptime`}</p>`,
  ];
  if (day.majorMinutes > 0) lines.push(`<p>Major outage: ${formatDuration(day.majorMinutes)}</p>`);
  if (day.partialMinutes > 0)
    lines.push(`<p>Partial outage: ${formatDuration(day.partialMinutes)}</p>`);
  if (day.incidents.length > 0) {
    const items = day.incidents.map(
      (inc) =>
        `<li><a class="underline" href="/incidents/${encodeURIComponent(inc.id)}">${escapeHtml(inc.title)}</a></li>`,
    );
    lines.push(`<ul class="mt-1 list-disc pl-4">${items.join("")}</ul>`);
  } else if (day.uptime !== null)
    lines.push(`<p class="text-zinc-600 dark:text-zinc-400">No incidents</p>`);
  return `<div id="${escapeHtml(`${id}-${i}`)}" popover="auto" class="uptime-popover">${lines.join("")}</div>`;
}

/**
 * The markup of 90 day bars, built as a string: on a page of 20 groups it is 1,800 buttons and
 * their popovers, which React rendered twice per publish (server payload, then HTML) for most of a
 * re-render's time. Every value is escaped here; nothing in it is interactive for React.
 *
 * Every day shows its summary as a tooltip on hover and on keyboard focus (CSS, from its label);
 * days with downtime or incidents also open a native popover with details and links. Both work
 * without JavaScript. The day buttons are one roving Tab stop with JavaScript
 * (public/herald-status.js, `data-roving`); without it, every day stays tabbable.
 */
export function uptimeBarHtml(id: string, name: string, days: UptimeDay[], uptime: number | null) {
  const label = `${name}: uptime over the last ${days.length} days`;
  const buttons = days.map((day, i) => dayButton(id, day, i)).join("");
  const popovers = days.map((day, i) => (notable(day) ? dayPopover(id, day, i) : "")).join("");
  return (
    `<div role="group" aria-label="${escapeHtml(label)}" class="flex h-8 gap-px sm:gap-[2px]" data-roving="">${buttons}</div>` +
    popovers +
    `<div class="mt-1 flex justify-between text-xs text-zinc-600 dark:text-zinc-400">` +
    `<span>${days.length} days ago</span><span>${escapeHtml(formatPercent(uptime))} uptime</span><span>Today</span></div>`
  );
}

/** 90 day bars of one component or group (see `uptimeBarHtml`). */
export function UptimeBar({
  id,
  name,
  days,
  uptime,
}: {
  id: string;
  name: string;
  days: UptimeDay[];
  uptime: number | null;
}) {
  return (
    <div
      className="mt-2"
      dangerouslySetInnerHTML={{ __html: uptimeBarHtml(id, name, days, uptime) }}
    />
  );
}
