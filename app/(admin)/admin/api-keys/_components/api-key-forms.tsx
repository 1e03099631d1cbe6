"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { createApiKeyAction, revokeApiKeyAction, type CreatedKeyState } from "../actions";

const SCOPE_OPTIONS = [
  ["read", "Read only"],
  ["write", "Read and write"],
] as const;

/**
 * Not an InlineActionForm: besides the message, a success carries the new key,
 * shown in a read-only field (easy to select and copy) until the page is left.
 */
export function CreateApiKeyForm() {
  const [state, action, pending] = useActionState(createApiKeyAction, {
    ok: false,
  } as CreatedKeyState);
  return (
    <div className="flex flex-col gap-3">
      <ActionForm
        action={action}
        aria-label="Create API key"
        className="flex flex-wrap items-end gap-3"
      >
        <Field
          label="Name"
          name="name"
          id="api-key-name"
          defaultValue={state.values?.name}
          error={state.fields?.name}
          hint="What uses it, e.g. “Deploy pipeline”."
          required
        />
        <SelectField
          label="Access"
          name="scope"
          id="api-key-scope"
          defaultValue={state.values?.scope ?? "read"}
          options={SCOPE_OPTIONS}
          error={state.fields?.scope}
        />
        <Button type="submit" pending={pending} pendingLabel="Creating…">
          Create key
        </Button>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
      {state.key && (
        <Field
          label="New API key"
          name="created-key"
          id="created-api-key"
          value={state.key}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <InlineActionForm action={revokeApiKeyAction} label={`Revoke ${name}`}>
      {(_state, pending) => (
        <>
          <input type="hidden" name="keyId" value={id} />
          <Button type="submit" variant="danger" pending={pending} aria-label={`Revoke ${name}`}>
            Revoke
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
