import type { PublicUpstream } from "@/lib/public/public-upstreams";
import { worstStatus } from "@/lib/components/status";
import { StatusLabel } from "./status-dot";
import { PageTime } from "./local-time";

/** "Status unknown since …": what Herald says when it cannot read an upstream, instead of a guess. */
function Unknown({ since, timeZone }: { since: Date; timeZone: string }) {
  return (
    <span className="shrink-0 text-sm font-medium text-zinc-600 dark:text-zinc-400">
      Status unknown since <PageTime date={since} timeZone={timeZone} />
    </span>
  );
}

/**
 * Third-party components, a group per upstream status page labelled with its
 * source. Read-only and without uptime bars: their uptime is not ours.
 */
export function UpstreamList({
  upstreams,
  timeZone,
}: {
  upstreams: readonly PublicUpstream[];
  timeZone: string;
}) {
  return (
    <div className="flex flex-col gap-3">
      {upstreams.map((upstream) => {
        const known = upstream.components.flatMap((c) => (c.status ? [c.status] : []));
        const label = `${upstream.name} (via ${upstream.host})`;
        return (
          <section
            key={upstream.id}
            aria-label={label}
            className="rounded-lg border border-zinc-200 dark:border-zinc-800"
          >
            <div className="flex items-center justify-between gap-3 px-4 py-3">
              <h3 className="font-semibold">{label}</h3>
              {upstream.unknownSince ? (
                <Unknown since={upstream.unknownSince} timeZone={timeZone} />
              ) : (
                known.length > 0 && <StatusLabel status={worstStatus(known)} />
              )}
            </div>
            <ul className="divide-y divide-zinc-200 border-t border-zinc-200 px-4 dark:divide-zinc-800 dark:border-zinc-800">
              {upstream.components.map((c) => (
                <li key={c.id} className="flex items-start justify-between gap-3 py-3">
                  <p className="font-medium">{c.name}</p>
                  {c.status ? (
                    <StatusLabel status={c.status} />
                  ) : (
                    <Unknown since={c.unknownSince ?? upstream.createdAt} timeZone={timeZone} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
