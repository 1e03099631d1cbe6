import { MarkdownBody } from "@/components/ui/markdown-body";
import { formatStamp } from "@/lib/time/format";
import { STATE_LABELS } from "@/lib/incidents/severity";
import type { UpdatesSince } from "@/lib/incidents/list-updates-since";

/** The updates another lead published while this form was open, read before publishing again. */
export function PublishedMeanwhile({
  updates,
  timeZone,
}: {
  updates: UpdatesSince["updates"];
  timeZone: string;
}) {
  return (
    <section
      aria-label="Published while you were writing"
      className="flex flex-col gap-2 rounded-md border-2 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50"
    >
      <h3 className="font-semibold">
        Published while you were writing (
        {updates.length === 1 ? "1 update" : `${updates.length} updates`})
      </h3>
      {updates.map((u) => (
        <article
          key={u.id}
          className="rounded border border-amber-300 bg-white p-2 text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <p className="flex flex-wrap gap-x-3">
            <strong>{STATE_LABELS[u.state]}</strong>
            <span>{formatStamp(u.displayAt, timeZone)}</span>
            <span>by {u.author ?? "someone no longer on the team"}</span>
            {u.nextUpdateBy && <span>Next update by {formatStamp(u.nextUpdateBy, timeZone)}</span>}
          </p>
          <MarkdownBody markdown={u.body} className="mt-1" />
        </article>
      ))}
      <p>
        Your draft is kept below. If it is still needed, publish it now: it will appear after this
        update.
      </p>
    </section>
  );
}
