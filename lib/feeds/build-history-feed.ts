import { Feed } from "feed";
import type { StatusSnapshot } from "../public/status-snapshot";
import type { PublicIncident } from "../public/hydrate-incidents";
import type { PublicMaintenance } from "../public/hydrate-maintenances";
import { STATE_LABELS } from "../incidents/severity";
import { renderMarkdown } from "../markdown/render-markdown";
import { STATUS_LABELS } from "../components/status";

export type FeedFormat = "rss" | "atom";
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const MAINTENANCE_LABELS: Record<PublicMaintenance["state"], string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
  cancelled: "Cancelled",
};

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/**
 * Titles are plain text, but the feed library writes item titles as HTML
 * (`type="html"` in Atom, CDATA in RSS, which readers render as HTML): escaped,
 * a title such as `<script>` reaches a reader as those characters, not markup.
 */
const titleAsHtml = (title: string) => title.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Entry = {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  /** `statuses`: what the update set components to, as of that update ("API: Degraded performance"). */
  updates: { at: Date; label: string; body: string; statuses?: string }[];
};

/** Statuspage's item body: one paragraph per update, newest first, time then state then text. */
function entryHtml(entry: Entry, timeZone: string): string {
  const date = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" });
  const time = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  return entry.updates
    .map((u) => {
      const [month, day] = date.format(u.at).split(" ");
      const [clock, zone] = time.format(u.at).split(" ");
      const statuses = u.statuses ? `<small>${titleAsHtml(u.statuses)}</small>` : "";
      return `<p><small>${month} <var data-var='date'>${day}</var>, <var data-var='time'>${clock}</var> ${zone}</small><br><strong>${u.label}</strong> - ${renderMarkdown(u.body)}${statuses}</p>`;
    })
    .join("");
}

const incidentEntry = (i: PublicIncident, baseUrl: string): Entry => ({
  id: `${baseUrl}/incidents/${i.id}`,
  title: i.title,
  url: `${baseUrl}/incidents/${i.id}`,
  published: i.startedAt,
  updated: i.updates[0]?.displayAt ?? i.startedAt,
  updates: i.updates.map((u) => ({
    at: u.displayAt,
    label: STATE_LABELS[u.state],
    body: u.body,
    // Recorded with the update: a later status change does not rewrite what this update said.
    statuses: u.componentChanges.map((c) => `${c.name}: ${STATUS_LABELS[c.newStatus]}`).join(", "),
  })),
});

const maintenanceEntry = (m: PublicMaintenance, baseUrl: string): Entry => ({
  id: `${baseUrl}/maintenance/${m.id}`,
  title: m.title,
  url: `${baseUrl}/maintenance/${m.id}`,
  published: m.createdAt,
  updated: m.updates[0]?.displayAt ?? m.createdAt,
  updates: m.updates.length
    ? m.updates.map((u) => ({ at: u.displayAt, label: MAINTENANCE_LABELS[u.state], body: u.body }))
    : [{ at: m.createdAt, label: "Scheduled", body: m.body }],
});

/**
 * `/history.rss` and `/history.atom` (and per component): one item per incident
 * or maintenance, most recently updated first. `componentId` narrows the feed to
 * what touched that component; null for the whole page.
 */
export function buildHistoryFeed(
  snapshot: StatusSnapshot,
  {
    baseUrl,
    format,
    componentId = null,
  }: { baseUrl: string; format: FeedFormat; componentId?: string | null },
): string {
  const { settings } = snapshot;
  const component = componentId ? snapshot.components.find((c) => c.id === componentId) : null;
  const touches = (list: { componentId: string }[]) =>
    !componentId || list.some((c) => c.componentId === componentId);
  const entries = [
    ...snapshot.recentIncidents
      .filter((i) => touches(i.components))
      .map((i) => incidentEntry(i, baseUrl)),
    ...snapshot.recentMaintenances
      .filter((m) => m.state !== "cancelled" && touches(m.components))
      .map((m) => maintenanceEntry(m, baseUrl)),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const self = component
    ? `${baseUrl}/components/${component.id}/history.${format}`
    : `${baseUrl}/history.${format}`;
  const feed = new Feed({
    id: self,
    title: component
      ? `${settings.name} - ${component.name} - Incident History`
      : // Statuspage's "<name> Status"; a page already named "… Status" is not doubled.
        `${/\bstatus$/i.test(settings.name.trim()) ? settings.name.trim() : `${settings.name} Status`} - Incident History`,
    description: component
      ? `Incidents and maintenance affecting ${component.name}.`
      : `Incidents and maintenance for ${settings.name}.`,
    link: `${baseUrl}/history`,
    language: "en",
    // The newest entry, not the time of the request: an unchanged feed keeps its ETag.
    updated: entries[0]?.updated ?? settings.updatedAt,
    generator: "Herald",
    feedLinks: { [format]: self },
    copyright: settings.name,
  });
  for (const e of entries) {
    const html = entryHtml(e, settings.timeZone);
    feed.addItem({
      id: e.id,
      guid: e.id,
      title: titleAsHtml(e.title),
      link: e.url,
      date: e.updated,
      published: e.published,
      description: html,
      content: html,
    });
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}
