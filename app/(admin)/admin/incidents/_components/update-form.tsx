"use client";
import { useActionState, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { MarkdownField } from "@/components/admin/markdown-field";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { InternalFields, NotifyToggle } from "./internal-fields";

type UpdateFormProps = {
  /** Distinguishes several update forms on one page (ids, labels). */
  name: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  incidentId: string;
  /** The newest update this page shows: the domain rejects the form if another was published since. */
  latestUpdateId: string;
  initialBody: string;
  bodyLabel: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  /** Fields before the body (state, components, dates). */
  fields?: (errors: Record<string, string>) => ReactNode;
  /** Buttons that rewrite the body, such as "Holding statement". */
  bodyTools?: (setBody: (body: string) => void) => ReactNode;
};

/**
 * The shared shape of publish, resolve and reopen: public Markdown body with
 * live preview, internal fields, notify toggle. A rejected submit keeps every
 * field; a successful one starts the form afresh from its template.
 */
export function UpdateForm(props: UpdateFormProps) {
  const [state, action, pending] = useActionState(props.action, initialActionState);
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  const [body, setBody] = useState(props.initialBody);
  // Adjust state while rendering (React's documented pattern) when a new result arrives.
  if (state !== seen) {
    setSeen(state);
    if (state.ok) {
      setGeneration((g) => g + 1);
      setBody(props.initialBody);
    }
  }
  const f = state.fields ?? {};
  return (
    <div className="flex flex-col gap-3">
      <ActionForm
        key={generation}
        action={action}
        className="flex flex-col gap-4"
        aria-label={props.submitLabel}
      >
        <input type="hidden" name="incidentId" value={props.incidentId} />
        <input type="hidden" name="expectedLatestUpdateId" value={props.latestUpdateId} />
        {props.fields?.(f)}
        {props.bodyTools && <div className="flex flex-wrap gap-2">{props.bodyTools(setBody)}</div>}
        <MarkdownField
          label={props.bodyLabel}
          name="body"
          id={`${props.name}-body`}
          value={body}
          onChange={setBody}
          error={f.body}
        />
        <InternalFields errors={f} />
        <NotifyToggle />
        <div>
          <Button
            type="submit"
            variant={props.variant}
            pending={pending}
            pendingLabel={props.pendingLabel}
          >
            {props.submitLabel}
          </Button>
        </div>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
