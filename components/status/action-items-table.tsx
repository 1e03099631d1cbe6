import type { postmortemActionItems } from "@/lib/db/schema";
import { formatDay } from "@/lib/time/format";

type Item = typeof postmortemActionItems.$inferSelect;

export const ACTION_STATUS_LABELS: Record<Item["status"], string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};
const STATUS_STYLE: Record<Item["status"], string> = {
  open: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100",
  in_progress: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100",
  done: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100",
  wont_do: "bg-zinc-100 text-zinc-700 line-through dark:bg-zinc-800 dark:text-zinc-300",
};

/** What we promised to change, and how far each promise has got. */
export function ActionItemsTable({ items }: { items: Item[] }) {
  if (items.length === 0) return <p>No action items were recorded.</p>;
  const done = items.filter((i) => i.status === "done").length;
  return (
    <>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {done} of {items.length} done.
      </p>
      <table className="mt-2 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-700">
            <th scope="col" className="py-2 pr-3">
              Action
            </th>
            <th scope="col" className="py-2 pr-3">
              Owner
            </th>
            <th scope="col" className="py-2 pr-3">
              Due
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className="border-b border-zinc-100 align-top dark:border-zinc-800">
              <td className="py-2 pr-3">
                {i.publicUrl ? (
                  <a href={i.publicUrl} className="underline">
                    {i.title}
                  </a>
                ) : (
                  i.title
                )}
              </td>
              <td className="py-2 pr-3">{i.owner ?? "—"}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{i.dueOn ? formatDay(i.dueOn) : "—"}</td>
              <td className="py-2">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_STYLE[i.status]}`}
                >
                  {ACTION_STATUS_LABELS[i.status]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
