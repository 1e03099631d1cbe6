import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import type { Indicator } from "@/lib/public/overall-status";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { snapshotStatus } from "@/lib/statuspage/page-status";

export const metadata: Metadata = { title: "Current status", robots: { index: false } };

const INDICATOR_COLOR: Record<Indicator, string> = {
  none: "text-operational",
  minor: "text-degraded",
  major: "text-partial",
  critical: "text-major",
  maintenance: "text-maintenance",
};

const words = (state: string) => state.charAt(0).toUpperCase() + state.slice(1).replace(/_/g, " ");

/**
 * A compact status card for customers to put in an <iframe>. Server-rendered
 * and script-free, so it reads the same with JavaScript off; links open the
 * full page in a new tab rather than inside the frame.
 */
export default async function EmbedPage() {
  await connection();
  const { value: snapshot, stale } = await loadStatusSnapshot(getDb);
  const status = snapshotStatus(snapshot);
  const events = [
    ...snapshot.openIncidents.map((i) => ({
      key: i.id,
      href: `/incidents/${i.id}`,
      name: i.title,
      state: i.state,
    })),
    ...snapshot.activeMaintenances.map((m) => ({
      key: m.id,
      href: `/maintenance/${m.id}`,
      name: m.title,
      state: m.state,
    })),
  ];
  return (
    <main className="p-2 text-sm">
      <section
        aria-labelledby="embed-status"
        className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      >
        <h1
          id="embed-status"
          className={`flex items-center gap-2 text-base font-semibold ${INDICATOR_COLOR[status.indicator]}`}
        >
          <span aria-hidden="true">●</span>
          {status.description}
        </h1>
        {events.length > 0 && (
          <ul className="mt-2 flex flex-col gap-1">
            {events.map((e) => (
              <li key={e.key}>
                <a href={e.href} target="_blank" rel="noopener" className="underline">
                  {e.name}
                </a>{" "}
                <span className="text-zinc-600 dark:text-zinc-400">· {words(e.state)}</span>
              </li>
            ))}
          </ul>
        )}
        {stale && (
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            This may be out of date; we cannot reach our status service right now.
          </p>
        )}
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          <a href="/" target="_blank" rel="noopener" className="underline">
            {snapshot.settings.name}
          </a>
        </p>
      </section>
    </main>
  );
}
