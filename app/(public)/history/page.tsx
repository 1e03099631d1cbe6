import Link from "next/link";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadHistoryMonth, nextMonth, previousMonth } from "@/lib/public/public-pages";
import { dayKeyOf } from "@/lib/time/days";
import { clampMonth, MIN_MONTH, parseHistoryQuery } from "@/lib/http/public-params";
import { formatMonth } from "@/lib/time/format";
import { SiteHeader } from "@/components/status/site-header";
import { IncidentSummary } from "@/components/status/incident-summary";
import { Section } from "@/components/status/section";
import { PageTime } from "@/components/status/local-time";

export const metadata: Metadata = { title: "Incident history" };

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { value: snapshot } = await loadStatusSnapshot(getDb);
  const tz = snapshot.settings.timeZone;
  const current = dayKeyOf(new Date(), tz).slice(0, 7);
  const { month: requested } = parseHistoryQuery(await searchParams);
  const month = clampMonth(requested, { earliest: MIN_MONTH, latest: current });
  const { value } = await loadHistoryMonth(getDb, month, tz);
  const olderExists = previousMonth(month) >= value.firstMonth;
  return (
    <>
      <SiteHeader settings={snapshot.settings} />
      <main className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">Incident history: {formatMonth(month)}</h1>
        <nav aria-label="Months" className="flex justify-between text-sm">
          {olderExists ? (
            <Link href={`/history?month=${previousMonth(month)}`} className="underline">
              ← {formatMonth(previousMonth(month))}
            </Link>
          ) : (
            <span />
          )}
          {month < current && (
            <Link href={`/history?month=${nextMonth(month)}`} className="underline">
              {formatMonth(nextMonth(month))} →
            </Link>
          )}
        </nav>
        <Section title="Incidents">
          {value.incidents.length === 0 ? (
            <p>No incidents reported in {formatMonth(month)}.</p>
          ) : (
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {value.incidents.map((i) => (
                <IncidentSummary key={i.id} incident={i} timeZone={tz} />
              ))}
            </ul>
          )}
        </Section>
        {value.maintenances.length > 0 && (
          <Section title="Maintenance">
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {value.maintenances.map((m) => (
                <li key={m.id} className="py-3">
                  <Link
                    href={`/maintenance/${m.id}`}
                    className="font-semibold text-maintenance hover:underline"
                  >
                    {m.title}
                  </Link>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    <PageTime date={m.scheduledFor} timeZone={tz} /> · {m.state.replace("_", " ")}
                  </p>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </main>
    </>
  );
}
