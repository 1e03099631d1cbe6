import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { lastDayOfMonth, previousMonth } from "@/lib/public/public-pages";
import { publicCached } from "@/lib/public/public-cache";
import { loadUptime } from "@/lib/uptime/load-uptime";
import { dayKeyOf, dayRange } from "@/lib/time/days";
import { clampMonth, parseUptimeQuery } from "@/lib/http/public-params";
import { SiteHeader } from "@/components/status/site-header";
import { UptimeCalendar } from "@/components/status/uptime-calendar";

export const metadata: Metadata = { title: "Uptime" };

const MONTHS_SHOWN = 3;

export default async function UptimePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { value: snapshot } = await loadStatusSnapshot(getDb);
  const tz = snapshot.settings.timeZone;
  const params = parseUptimeQuery(await searchParams);
  const current = dayKeyOf(new Date(), tz).slice(0, 7);
  const listed = snapshot.components;
  const component = listed.find((c) => c.id === params.component) ?? listed[0];
  // Nothing to show before the component existed: an earlier month would only compute empty days.
  const started = component
    ? (component.startDate ?? dayKeyOf(component.createdAt, tz)).slice(0, 7)
    : current;
  const month = clampMonth(params.month, { earliest: started, latest: current });
  const months = Array.from({ length: MONTHS_SHOWN }, (_, i) => i)
    .reduce<string[]>((acc) => [previousMonth(acc[0]!), ...acc], [month])
    .slice(1);
  const firstDay = `${months[0]}-01`;
  const lastDay = lastDayOfMonth(month);
  // Only the component shown: the cost of this page does not grow with the number of components.
  const { value: uptime } = component
    ? await publicCached(
        `uptime-calendar:${component.id}:${month}:${tz}`,
        async () =>
          loadUptime(await getDb(), {
            timeZone: tz,
            days: dayRange(firstDay, lastDay).length,
            now: new Date(),
            endDay: lastDay,
            componentIds: [component.id],
          }),
        { maxAgeMs: 60_000 },
      )
    : { value: new Map() };
  const days = component ? (uptime.get(component.id)?.days ?? []) : [];
  return (
    <>
      <SiteHeader settings={snapshot.settings} />
      <main className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">Uptime{component ? `: ${component.name}` : ""}</h1>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Component
            <select
              name="component"
              defaultValue={component?.id}
              className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
            >
              {listed.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="month" value={month} />
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm dark:border-zinc-700"
          >
            Show
          </button>
        </form>
        <div className="grid gap-8 md:grid-cols-3">
          {months.map((m) => (
            <UptimeCalendar key={m} month={m} days={days} />
          ))}
        </div>
        <nav aria-label="Months" className="flex justify-between text-sm">
          {month > started ? (
            <a
              className="underline"
              href={`/uptime?component=${component?.id ?? ""}&month=${previousMonth(months[0]!)}`}
            >
              ← Earlier
            </a>
          ) : (
            <span />
          )}
          {month < current && (
            <a className="underline" href={`/uptime?component=${component?.id ?? ""}`}>
              Latest →
            </a>
          )}
        </nav>
      </main>
    </>
  );
}
