/**
 * The public pages' only JavaScript (bundled to public/herald-status.js by
 * `npm run build:browser`). The pages are complete without it; it adds what
 * only the browser can know or do:
 * - times in the viewer's own zone, with a relative hint that stays current;
 * - one Tab stop per row of 90 day bars, with arrow keys (WAI-ARIA roving tabindex).
 * Public pages ship this instead of the React runtime: a fraction of the bytes on incident day.
 */
import { formatDateTime, formatRelative, formatTime } from "../../time/format";

function localizeTimes(zone: string): void {
  for (const el of document.querySelectorAll<HTMLTimeElement>("time[data-local]")) {
    const date = new Date(el.dateTime);
    if (Number.isNaN(date.getTime())) continue;
    const absolute =
      el.dataset.local === "time" ? formatTime(date, zone) : formatDateTime(date, zone);
    el.textContent =
      el.dataset.relative === undefined
        ? absolute
        : `${absolute} (${formatRelative(date, new Date())})`;
  }
}

function rovingGroup(root: HTMLElement): void {
  const items = () => Array.from(root.querySelectorAll<HTMLElement>("button"));
  const all = items();
  all.forEach((el, i) => (el.tabIndex = i === all.length - 1 ? 0 : -1));
  root.addEventListener("keydown", (e) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    const next = (
      { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: list.length - 1 } as Record<
        string,
        number
      >
    )[e.key];
    if (next === undefined || !list[next]) return;
    e.preventDefault();
    list[index]!.tabIndex = -1;
    list[next].tabIndex = 0;
    list[next].focus();
  });
}

function enhance(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  localizeTimes(zone);
  setInterval(() => localizeTimes(zone), 30_000);
  document.querySelectorAll<HTMLElement>("[data-roving]").forEach(rovingGroup);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
else enhance();
