"use client";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { MarkdownField } from "@/components/admin/markdown-field";
import { initialActionState } from "@/lib/action-state";
import { editUpdateAction } from "../actions";

/** Corrects a published update in place; the old wording stays in the revision history. */
export function EditUpdateForm({
  incidentId,
  updateId,
  body,
  updatedAt,
}: {
  incidentId: string;
  updateId: string;
  body: string;
  updatedAt: string;
}) {
  const [state, action, pending] = useActionState(editUpdateAction, initialActionState);
  const [text, setText] = useState(body);
  return (
    <ActionForm action={action} className="mt-2 flex flex-col gap-3" aria-label="Correct update">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt} />
      <MarkdownField
        label="Corrected text"
        name="body"
        id={`edit-${updateId}`}
        value={text}
        onChange={setText}
        error={state.fields?.body}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <div>
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Saving…">
          Save correction
        </Button>
      </div>
    </ActionForm>
  );
}
