"use client";
import { useActionState, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { initialActionState, type ActionState } from "@/lib/action-state";

/**
 * A small form bound to a server action that shows its outcome beside it,
 * for row-level actions (set status, move, rename). Children render the fields
 * with the last result, so errors sit next to the right input. A rejected
 * submit keeps the input; a successful one remounts the fields, so they show
 * the saved values (or start empty for a create form).
 */
export function InlineActionForm({
  action,
  label,
  className = "",
  children,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  className?: string;
  children: (state: ActionState, pending: boolean) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setGeneration((g) => g + 1);
  }
  return (
    <div>
      <ActionForm key={generation} action={formAction} aria-label={label} className={className}>
        {children(state, pending)}
      </ActionForm>
      <p
        role="status"
        className={
          state.ok
            ? "text-sm text-green-800 dark:text-green-400"
            : "text-sm text-red-700 dark:text-red-400"
        }
      >
        {state.message ?? ""}
      </p>
    </div>
  );
}
