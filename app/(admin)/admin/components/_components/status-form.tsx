"use client";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { COMPONENT_STATUSES, type ComponentStatus } from "@/lib/db/schema/enums";
import { STATUS_LABELS } from "@/lib/components/status";
import { setStatusAction } from "../actions";

/** A manual status change, recorded as an event with cause "manual". */
export function StatusForm({
  id,
  name,
  status,
}: {
  id: string;
  name: string;
  status: ComponentStatus;
}) {
  return (
    <InlineActionForm
      action={setStatusAction}
      label={`Set status of ${name}`}
      className="flex flex-wrap items-end gap-2"
    >
      {(_state, pending) => (
        <>
          <input type="hidden" name="componentId" value={id} />
          <SelectField
            label={`Status of ${name}`}
            name="status"
            id={`status-${id}`}
            defaultValue={status}
            options={COMPONENT_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
          />
          <Button type="submit" variant="secondary" pending={pending} pendingLabel="Setting…">
            Set status
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
