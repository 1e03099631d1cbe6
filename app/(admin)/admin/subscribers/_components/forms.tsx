"use client";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { ComponentChoice, AddButton } from "./form-parts";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { addStakeholderAction, addWebhookAction } from "../actions";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** One button acting on one row (remove, re-enable), with its outcome beside it. */
export function RowButton({
  action,
  id,
  label,
  variant = "secondary",
}: {
  action: Action;
  id: string;
  label: string;
  variant?: "secondary" | "danger";
}) {
  return (
    <InlineActionForm action={action} label={label}>
      {(_state, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant={variant} pending={pending} className="px-2 py-1">
            {label}
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}

export function AddWebhookForm({ components }: { components: { id: string; name: string }[] }) {
  return (
    <InlineActionForm
      action={addWebhookAction}
      label="Add a webhook"
      className="flex flex-col gap-3"
    >
      {(state, pending) => (
        <>
          <Field
            label="Webhook URL"
            name="url"
            type="url"
            required
            placeholder="https://example.com/hooks/status"
            defaultValue={state.values?.url}
            error={state.fields?.url}
          />
          <ComponentChoice components={components} name="componentIds" />
          <div>
            <AddButton pending={pending}>Add webhook</AddButton>
          </div>
        </>
      )}
    </InlineActionForm>
  );
}

export function AddStakeholderForm() {
  return (
    <InlineActionForm
      action={addStakeholderAction}
      label="Add a stakeholder"
      className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
    >
      {(state, pending) => (
        <>
          <Field
            label="Name"
            name="name"
            required
            defaultValue={state.values?.name}
            error={state.fields?.name}
          />
          <Field
            label="Email"
            name="email"
            type="email"
            required
            defaultValue={state.values?.email}
            error={state.fields?.email}
          />
          <Field
            label="Role (optional)"
            name="title"
            placeholder="VP Support"
            defaultValue={state.values?.title}
            error={state.fields?.title}
          />
          <AddButton pending={pending}>Add stakeholder</AddButton>
        </>
      )}
    </InlineActionForm>
  );
}
