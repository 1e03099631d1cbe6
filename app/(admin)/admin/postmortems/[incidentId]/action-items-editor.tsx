"use client";
import { useState, useTransition } from "react";
import { ACTION_ITEM_STATUSES } from "@/lib/db/schema/enums";
import { saveActionItemsAction } from "./actions";

type Item = {
  id?: string;
  title: string;
  owner: string;
  dueOn: string;
  status: (typeof ACTION_ITEM_STATUSES)[number];
  publicUrl: string;
};
const LABELS = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
} as const;
const input =
  "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Action items are edited apart from the draft: their status moves long after publication. */
export function ActionItemsEditor({
  incidentId,
  initial,
  canEdit,
}: {
  incidentId: string;
  initial: Item[];
  canEdit: boolean;
}) {
  const [items, setItems] = useState<Item[]>(initial);
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{
    ok: boolean;
    message?: string;
    fields?: Record<string, string>;
  } | null>(null);
  const update = (i: number, patch: Partial<Item>) =>
    setItems((list) => list.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <div className="flex flex-col gap-3">
      {items.map((item, i) => (
        <fieldset
          key={item.id ?? `new-${i}`}
          disabled={!canEdit}
          className="grid gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-[2fr_1fr_auto_auto] dark:border-zinc-800"
        >
          <legend className="sr-only">Action item {i + 1}</legend>
          <label className="flex flex-col text-xs font-medium">
            Action {i + 1}
            <input
              className={input}
              value={item.title}
              onChange={(e) => update(i, { title: e.target.value })}
            />
          </label>
          <label className="flex flex-col text-xs font-medium">
            Owner (team or role)
            <input
              className={input}
              value={item.owner}
              onChange={(e) => update(i, { owner: e.target.value })}
            />
          </label>
          <label className="flex flex-col text-xs font-medium">
            Due
            <input
              type="date"
              className={input}
              value={item.dueOn}
              onChange={(e) => update(i, { dueOn: e.target.value })}
            />
          </label>
          <label className="flex flex-col text-xs font-medium">
            Status
            <select
              className={input}
              value={item.status}
              onChange={(e) => update(i, { status: e.target.value as Item["status"] })}
            >
              {ACTION_ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs font-medium sm:col-span-3">
            Public link (optional)
            <input
              type="url"
              className={input}
              value={item.publicUrl}
              onChange={(e) => update(i, { publicUrl: e.target.value })}
            />
          </label>
          <button
            type="button"
            onClick={() => setItems((l) => l.filter((_, j) => j !== i))}
            className="self-end text-sm underline"
          >
            Remove
          </button>
          {Object.entries(outcome?.fields ?? {})
            .filter(([k]) => k.startsWith(`items.${i}.`))
            .map(([k, m]) => (
              <p key={k} className="text-sm text-red-700 sm:col-span-4 dark:text-red-400">
                {m}
              </p>
            ))}
        </fieldset>
      ))}
      {canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() =>
              setItems((l) => [
                ...l,
                { title: "", owner: "", dueOn: "", status: "open", publicUrl: "" },
              ])
            }
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
          >
            Add action item
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              start(async () => setOutcome(await saveActionItemsAction({ incidentId, items })))
            }
            className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            Save action items
          </button>
          {outcome && (
            <p
              role="status"
              className={
                outcome.ok
                  ? "text-sm text-green-800 dark:text-green-400"
                  : "text-sm text-red-700 dark:text-red-400"
              }
            >
              {outcome.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
