import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { parsePublicId } from "@/lib/http/public-params";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadIncidentPage } from "@/lib/public/public-pages";
import { SEVERITY_IMPACT_LABELS } from "@/lib/public/labels";
import { dayKeyOf } from "@/lib/time/days";
import { formatDuration, formatShortDay } from "@/lib/time/format";
import { SiteHeader } from "@/components/status/site-header";
import { UpdateTimeline } from "@/components/status/update-timeline";
import { PageTime } from "@/components/status/local-time";
import { StatusLabel } from "@/components/status/status-dot";
import { STATUS_LABELS } from "@/lib/components/status";
import { TEXT, TONE_OF_IMPACT } from "@/components/status/tones";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { value } = await loadIncidentPage(getDb, parsePublicId((await params).id));
  return { title: value?.title ?? "Incident not found" };
}

export default async function IncidentPage({ params }: Props) {
  await connection();
  const [{ value: incident }, { value: snapshot }] = await Promise.all([
    loadIncidentPage(getDb, parsePublicId((await params).id)),
    loadStatusSnapshot(getDb),
  ]);
  if (!incident) notFound();
  const tz = snapshot.settings.timeZone;
  const end = incident.resolvedAt ?? new Date();
  const nextUpdateBy = incident.state === "resolved" ? null : incident.updates[0]?.nextUpdateBy;
  return (
    <>
      <SiteHeader settings={snapshot.settings} />
      <main className="flex flex-col gap-6">
        <div>
          <h1 className={`text-2xl font-semibold ${TEXT[TONE_OF_IMPACT[incident.impact]]}`}>
            {incident.title}
          </h1>
          {incident.formerTitles.length > 0 && (
            <ul
              className="mt-1 text-sm text-zinc-600 dark:text-zinc-400"
              aria-label="Title history"
            >
              {incident.formerTitles.map((t) => (
                <li key={t.at.toISOString() + t.title}>
                  Previously titled “{t.title}” (renamed <PageTime date={t.at} timeZone={tz} />)
                </li>
              ))}
            </ul>
          )}
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-600 dark:text-zinc-400">Impact</dt>
            <dd>{SEVERITY_IMPACT_LABELS[incident.impact]}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Started</dt>
            <dd>
              <PageTime date={incident.startedAt} timeZone={tz} />
            </dd>
            <dt className="text-zinc-600 dark:text-zinc-400">
              {incident.resolvedAt ? "Resolved" : "Status"}
            </dt>
            <dd>
              {incident.resolvedAt ? (
                <PageTime date={incident.resolvedAt} timeZone={tz} />
              ) : (
                `Ongoing (${incident.state})`
              )}
            </dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Duration</dt>
            <dd>{formatDuration((end.getTime() - incident.startedAt.getTime()) / 60_000)}</dd>
          </dl>
        </div>
        {nextUpdateBy && (
          <p className="rounded-md bg-zinc-100 px-3 py-2 font-medium dark:bg-zinc-800">
            Next update by <PageTime date={nextUpdateBy} timeZone={tz} format="time" relative />
          </p>
        )}
        {incident.hasPublishedPostmortem ? (
          <p>
            <Link href={`/incidents/${incident.id}/postmortem`} className="font-medium underline">
              Read the postmortem (root-cause analysis)
            </Link>
          </p>
        ) : (
          incident.rcaDueOn && (
            <p>
              A root-cause analysis will be published by{" "}
              {formatShortDay(incident.rcaDueOn, dayKeyOf(new Date(), tz))}.
            </p>
          )
        )}
        {incident.components.length > 0 && (
          <section aria-labelledby="affected">
            <h2 id="affected" className="text-lg font-semibold">
              Affected components
            </h2>
            <ul className="mt-2 flex flex-col gap-1">
              {incident.components.map((c) => (
                <li key={c.componentId} className="flex flex-wrap items-center gap-x-3">
                  {c.name}
                  {incident.resolvedAt ? (
                    // The incident-time status would read as current: say what it was, and that it is over.
                    <span className="text-sm text-zinc-700 dark:text-zinc-300">
                      {STATUS_LABELS[c.status]} during the incident · resolved
                    </span>
                  ) : (
                    <StatusLabel status={c.status} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="updates">
          <h2 id="updates" className="mb-3 text-lg font-semibold">
            Updates
          </h2>
          <UpdateTimeline updates={incident.updates} timeZone={tz} />
        </section>
      </main>
    </>
  );
}
