"use client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import type { ComponentGroup } from "@/lib/db/schema";
import { createGroupAction, updateGroupAction } from "../actions";

/** Create (no group) or rename a group. */
export function GroupForm({ group }: { group?: ComponentGroup }) {
  const prefix = group ? `group-${group.id}` : "new-group";
  return (
    <InlineActionForm
      action={group ? updateGroupAction : createGroupAction}
      label={group ? `Edit group ${group.name}` : "Add group"}
      className="flex flex-wrap items-end gap-3"
    >
      {(state, pending) => (
        <>
          {group && <input type="hidden" name="id" value={group.id} />}
          {group && (
            <input type="hidden" name="expectedUpdatedAt" value={group.updatedAt.toISOString()} />
          )}
          <Field
            label="Group name"
            name="name"
            id={`${prefix}-name`}
            defaultValue={state.values?.name ?? group?.name ?? ""}
            error={state.fields?.name}
            required
          />
          <Field
            label="Description"
            name="description"
            id={`${prefix}-description`}
            defaultValue={state.values?.description ?? group?.description ?? ""}
            error={state.fields?.description}
          />
          <Button type="submit" variant="secondary" pending={pending} pendingLabel="Saving…">
            {group ? "Save group" : "Add group"}
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
