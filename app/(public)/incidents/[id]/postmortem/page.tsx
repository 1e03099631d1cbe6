import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadPublicPostmortem } from "@/lib/public/postmortem-page";
import { parsePostmortemQuery, parsePublicId } from "@/lib/http/public-params";
import { SiteHeader } from "@/components/status/site-header";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { PageTime } from "@/components/status/local-time";
import { ActionItemsTable } from "@/components/status/action-items-table";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const SECTIONS = [
  ["summary", "Summary"],
  ["impact", "Impact"],
  ["timeline", "Timeline"],
  ["rootCause", "Root cause"],
  ["resolution", "Resolution"],
  ["wentWell", "What went well"],
  ["wentBadly", "What did not go well"],
] as const;

async function load({ params, searchParams }: Props) {
  const id = parsePublicId((await params).id);
  if (!id) return null;
  const { revision } = parsePostmortemQuery(await searchParams);
  return (await loadPublicPostmortem(getDb, id, revision)).value;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  await connection();
  const rca = await load(props);
  return { title: rca ? `Postmortem: ${rca.incident.title}` : "Postmortem not found" };
}

export default async function PostmortemPage(props: Props) {
  await connection();
  const [rca, { value: snapshot }] = await Promise.all([load(props), loadStatusSnapshot(getDb)]);
  if (!rca) notFound();
  const tz = snapshot.settings.timeZone;
  const { sections } = rca.shown;
  const whys = (sections.fiveWhys ?? []).filter((w) => w.trim());
  return (
    <>
      <div className="print:hidden">
        <SiteHeader settings={snapshot.settings} />
      </div>
      <main className="mx-auto flex max-w-prose flex-col gap-8 pb-8">
        <header>
          <p className="text-sm font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
            Postmortem
          </p>
          <h1 className="mt-1 text-3xl font-semibold">{rca.incident.title}</h1>
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
            Published <PageTime date={rca.firstPublishedAt} timeZone={tz} />
            {rca.latestRevision > 1 && (
              <>
                {" · "}revised on <PageTime date={rca.revisions[0]!.publishedAt} timeZone={tz} />
              </>
            )}
            {" · "}
            <Link href={`/incidents/${rca.incident.id}`} className="underline print:no-underline">
              Incident timeline
            </Link>
          </p>
          {rca.shown.revision !== rca.latestRevision && (
            <p role="note" className="mt-3 rounded-md border border-amber-400 px-3 py-2 text-sm">
              You are reading revision {rca.shown.revision} of {rca.latestRevision}.{" "}
              <Link href={`/incidents/${rca.incident.id}/postmortem`} className="underline">
                Read the latest
              </Link>
              .
            </p>
          )}
        </header>
        {SECTIONS.map(([key, title]) =>
          sections[key].trim() ? (
            <section key={key} aria-labelledby={`s-${key}`} className="break-inside-avoid-page">
              <h2 id={`s-${key}`} className="mb-2 text-xl font-semibold">
                {title}
              </h2>
              <MarkdownBody markdown={sections[key]} />
              {key === "rootCause" && whys.length > 0 && (
                <ol className="mt-3 list-decimal pl-6">
                  {whys.map((w, i) => (
                    <li key={i}>
                      <span className="font-medium">Why? </span>
                      {w}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ) : null,
        )}
        <section aria-labelledby="s-actions">
          <h2 id="s-actions" className="mb-2 text-xl font-semibold">
            Action items
          </h2>
          <ActionItemsTable items={rca.actionItems} />
        </section>
        {rca.revisions.length > 1 && (
          <section aria-labelledby="s-revisions" className="print:hidden">
            <h2 id="s-revisions" className="mb-2 text-xl font-semibold">
              Revision history
            </h2>
            <ul className="flex flex-col gap-1 text-sm">
              {rca.revisions.map((r) => (
                <li key={r.revision}>
                  <Link
                    href={`/incidents/${rca.incident.id}/postmortem?revision=${r.revision}`}
                    className="underline"
                    aria-current={r.revision === rca.shown.revision ? "page" : undefined}
                  >
                    Revision {r.revision}
                  </Link>{" "}
                  · <PageTime date={r.publishedAt} timeZone={tz} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
