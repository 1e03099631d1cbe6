"use client";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { moveAction } from "../actions";

const ARROW = { up: "↑", down: "↓" } as const;

/** Up/down buttons: real buttons, so keyboard and screen-reader users reorder the same way. */
export function MoveButtons({
  kind,
  id,
  name,
  first,
  last,
}: {
  kind: "component" | "group";
  id: string;
  name: string;
  first: boolean;
  last: boolean;
}) {
  return (
    <InlineActionForm
      action={moveAction}
      label={`Reorder ${name}`}
      className="flex items-center gap-1"
    >
      {(_state, pending) => (
        <>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          {(["up", "down"] as const).map((direction) => (
            <button
              key={direction}
              type="submit"
              name="direction"
              value={direction}
              disabled={pending || (direction === "up" ? first : last)}
              aria-label={`Move ${name} ${direction}`}
              className="rounded border border-zinc-300 px-2 py-0.5 text-sm disabled:opacity-40 dark:border-zinc-700"
            >
              {ARROW[direction]}
            </button>
          ))}
        </>
      )}
    </InlineActionForm>
  );
}
