import Link from "next/link";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadReliabilityPage } from "@/lib/public/reliability-page";
import { RELIABILITY_WINDOWS } from "@/lib/reliability/compute-reliability";
import { parseReliabilityQuery } from "@/lib/http/public-params";
import { formatDay } from "@/lib/time/format";
import { SiteHeader } from "@/components/status/site-header";
import {
  ComponentReliabilityTable,
  OverallReliabilityTable,
} from "@/components/status/reliability-tables";

export const metadata: Metadata = { title: "Reliability" };

export default async function ReliabilityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { value: snapshot } = await loadStatusSnapshot(getDb);
  const tz = snapshot.settings.timeZone;
  const { days } = parseReliabilityQuery(await searchParams);
  const { value: report } = await loadReliabilityPage(getDb, days, tz);
  const span = `last ${days} days`;
  return (
    <>
      <SiteHeader settings={snapshot.settings} />
      <main className="flex flex-col gap-8">
        <div className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold">Reliability: {span}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            From {formatDay(report.firstDay)} to now ({tz}), computed from our incident records and
            component status history.
          </p>
          <nav aria-label="Time window" className="flex gap-4 text-sm">
            {RELIABILITY_WINDOWS.map((d) => (
              <Link
                key={d}
                href={`/reliability?days=${d}`}
                aria-current={d === days ? "page" : undefined}
                className={
                  d === days ? "font-semibold underline" : "underline-offset-4 hover:underline"
                }
              >
                {d} days
              </Link>
            ))}
          </nav>
        </div>
        <OverallReliabilityTable figures={report.overall} caption={`All components, ${span}`} />
        <ComponentReliabilityTable rows={report.components} caption={`By component, ${span}`} />
      </main>
    </>
  );
}
