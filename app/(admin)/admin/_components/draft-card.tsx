"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { initialActionState } from "@/lib/action-state";
import { SEVERITIES } from "@/lib/db/schema/enums";
import {
  ComponentStatusPicker,
  type PickableComponent,
} from "../incidents/_components/component-status-picker";
import { dismissDraftAction, publishDraftAction } from "../draft-actions";

export type DraftView = {
  id: string;
  title: string;
  severity: string;
  body: string;
  components: { componentId: string; status: string }[];
  alertsResolved: boolean;
  firstAlert: string;
  /** Drafted from an upstream status page's incident rather than from alerts. */
  fromUpstream?: boolean;
};

const SEVERITY_OPTIONS = SEVERITIES.map((s) => [s, s] as const);

/** A draft from alerts, prefilled and editable, published in one click (nothing is public before). */
export function DraftCard({
  draft,
  components,
  canPublish,
}: {
  draft: DraftView;
  components: readonly PickableComponent[];
  canPublish: boolean;
}) {
  const [state, action, pending] = useActionState(publishDraftAction, initialActionState);
  const [dismissState, dismiss, dismissing] = useActionState(
    dismissDraftAction,
    initialActionState,
  );
  const initial = Object.fromEntries(draft.components.map((c) => [c.componentId, c.status]));
  return (
    <article
      aria-label={`Draft: ${draft.title}`}
      className="flex flex-col gap-3 rounded-md border-2 border-amber-500 p-4"
    >
      <p className="text-sm">
        {draft.fromUpstream
          ? `Draft from an upstream status page (not public) · seen ${draft.firstAlert}`
          : `Draft from alerts (not public) · first alert ${draft.firstAlert}`}
        {draft.alertsResolved &&
          (draft.fromUpstream
            ? " · the upstream incident has resolved"
            : " · every alert behind it has resolved")}
      </p>
      <ActionForm action={action} aria-label="Publish draft" className="flex flex-col gap-3">
        <input type="hidden" name="draftId" value={draft.id} />
        <div className="flex flex-wrap items-end gap-3">
          <Field
            label="Title"
            name="title"
            id={`draft-title-${draft.id}`}
            defaultValue={state.values?.title ?? draft.title}
            error={state.fields?.title}
            className="min-w-80"
          />
          <SelectField
            label="Severity"
            name="severity"
            id={`draft-severity-${draft.id}`}
            options={SEVERITY_OPTIONS}
            defaultValue={state.values?.severity ?? draft.severity}
            error={state.fields?.severity}
          />
        </div>
        <ComponentStatusPicker
          components={components}
          blank="Not affected"
          initial={initial}
          idPrefix={`draft-${draft.id}`}
          error={state.fields?.components}
        />
        <TextareaField
          label="First update"
          name="body"
          id={`draft-body-${draft.id}`}
          rows={8}
          defaultValue={state.values?.body ?? draft.body}
          error={state.fields?.body}
        />
        {canPublish && (
          <div className="flex gap-3">
            <Button type="submit" pending={pending} pendingLabel="Publishing…">
              Publish incident
            </Button>
          </div>
        )}
        <FormMessage ok={state.ok} message={state.message} />
      </ActionForm>
      {canPublish && (
        <ActionForm action={dismiss} aria-label="Discard draft">
          <input type="hidden" name="draftId" value={draft.id} />
          <Button type="submit" variant="secondary" pending={dismissing}>
            Discard draft
          </Button>
          <FormMessage ok={dismissState.ok} message={dismissState.message} />
        </ActionForm>
      )}
    </article>
  );
}
