"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { initialActionState } from "@/lib/action-state";
import { STATUS_LABELS } from "@/lib/components/status";
import {
  createUpstreamAction,
  deleteUpstreamAction,
  pollUpstreamAction,
  updateUpstreamAction,
} from "../actions";

export function CreateUpstreamForm() {
  const [state, action, pending] = useActionState(createUpstreamAction, initialActionState);
  return (
    <ActionForm action={action} aria-label="Add upstream page" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Status page URL"
          name="url"
          id="upstream-url"
          defaultValue={state.values?.url}
          error={state.fields?.url}
          hint="Any Statuspage-compatible page (Herald too): its address or its /api/v2/summary.json."
          className="min-w-96"
          required
        />
        <Field
          label="Label (optional)"
          name="label"
          id="upstream-label"
          defaultValue={state.values?.label}
          error={state.fields?.label}
          hint="Shown instead of the page's own name."
        />
      </div>
      <div>
        <Button type="submit" pending={pending} pendingLabel="Reading…">
          Add upstream page
        </Button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </ActionForm>
  );
}

export type UpstreamComponentView = {
  id: string;
  name: string;
  groupName: string | null;
  status: string;
  shown: boolean;
  missing: boolean;
  dependedOnBy: string[];
};

/** Which upstream components show on our page, and which of ours depend on each. */
export function PickComponentsForm({
  upstreamId,
  label,
  components,
  ours,
}: {
  upstreamId: string;
  label: string;
  components: readonly UpstreamComponentView[];
  ours: readonly { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(updateUpstreamAction, initialActionState);
  return (
    <ActionForm action={action} aria-label="Pick components" className="flex flex-col gap-3">
      <input type="hidden" name="upstreamId" value={upstreamId} />
      <Field
        label="Label"
        name="label"
        id="upstream-edit-label"
        defaultValue={state.values?.label ?? label}
        error={state.fields?.label}
        hint="Empty: the upstream page's own name."
      />
      <table className="text-sm">
        <thead>
          <tr className="text-left">
            <th className="py-1 pr-3">Show</th>
            <th className="py-1 pr-3">Upstream component</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1">Our components that depend on it</th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => {
            const name = c.groupName ? `${c.groupName} – ${c.name}` : c.name;
            return (
              <tr key={c.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <td className="py-2 pr-3">
                  <input type="hidden" name="listed" value={c.id} />
                  <input
                    type="checkbox"
                    name="shown"
                    value={c.id}
                    defaultChecked={c.shown}
                    aria-label={`Show ${name}`}
                  />
                </td>
                <td className="py-2 pr-3">{name}</td>
                <td className="py-2 pr-3">
                  {c.missing
                    ? "no longer listed"
                    : (STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status)}
                </td>
                <td className="py-2">
                  <select
                    multiple
                    name={`depends:${c.id}`}
                    aria-label={`Our components that depend on ${name}`}
                    defaultValue={c.dependedOnBy}
                    className="min-w-56 rounded-md border border-zinc-300 dark:border-zinc-700"
                    size={Math.min(Math.max(ours.length, 2), 5)}
                  >
                    {ours.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(state.fields?.shown || state.fields?.dependencies) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.fields.shown ?? state.fields.dependencies}
        </p>
      )}
      <div>
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          Save
        </Button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </ActionForm>
  );
}

export function PollNowForm({ upstreamId }: { upstreamId: string }) {
  const [state, action, pending] = useActionState(pollUpstreamAction, initialActionState);
  return (
    <div className="flex flex-col gap-2">
      <ActionForm action={action} aria-label="Poll now">
        <input type="hidden" name="upstreamId" value={upstreamId} />
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Reading…">
          Poll now
        </Button>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}

export function DeleteUpstreamButton({ id, name }: { id: string; name: string }) {
  return (
    <InlineActionForm action={deleteUpstreamAction} label={`Remove ${name}`}>
      {(_state, pending) => (
        <>
          <input type="hidden" name="upstreamId" value={id} />
          <Button type="submit" variant="danger" pending={pending} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
