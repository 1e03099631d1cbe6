"use client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import type { Component, ComponentGroup } from "@/lib/db/schema";
import { createComponentAction, updateComponentAction } from "../actions";

/** Create (no component) or edit a component's details; status is changed separately. */
export function ComponentFieldsForm({
  groups,
  component,
}: {
  groups: Pick<ComponentGroup, "id" | "name">[];
  component?: Component;
}) {
  const prefix = component ? `edit-${component.id}` : "new-component";
  return (
    <InlineActionForm
      action={component ? updateComponentAction : createComponentAction}
      label={component ? `Edit ${component.name}` : "Add component"}
      className="flex flex-col gap-3"
    >
      {(state, pending) => {
        const f = state.fields ?? {};
        const v = (key: string, stored: string | null | undefined) =>
          state.values?.[key] ?? stored ?? "";
        return (
          <>
            {component && <input type="hidden" name="id" value={component.id} />}
            {component && (
              <input
                type="hidden"
                name="expectedUpdatedAt"
                value={component.updatedAt.toISOString()}
              />
            )}
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                label="Name"
                name="name"
                id={`${prefix}-name`}
                defaultValue={v("name", component?.name)}
                error={f.name}
                required
              />
              <SelectField
                label="Group"
                name="groupId"
                id={`${prefix}-group`}
                defaultValue={v("groupId", component?.groupId)}
                options={[["", "No group"], ...groups.map((g) => [g.id, g.name] as const)]}
                error={f.groupId}
              />
              <Field
                label="Description"
                name="description"
                id={`${prefix}-description`}
                defaultValue={v("description", component?.description)}
                error={f.description}
              />
              <Field
                label="Uptime counts from"
                name="startDate"
                id={`${prefix}-start`}
                type="date"
                defaultValue={v("startDate", component?.startDate)}
                error={f.startDate}
              />
            </div>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="visible"
                  defaultChecked={component?.visible ?? true}
                  className="size-4"
                />{" "}
                Shown on the public page
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="onlyShowIfDegraded"
                  defaultChecked={component?.onlyShowIfDegraded ?? false}
                  className="size-4"
                />{" "}
                Only show when not operational
              </label>
            </div>
            <div>
              <Button
                type="submit"
                variant={component ? "secondary" : "primary"}
                pending={pending}
                pendingLabel="Saving…"
              >
                {component ? "Save component" : "Add component"}
              </Button>
            </div>
          </>
        );
      }}
    </InlineActionForm>
  );
}
