"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialActionState);
  return (
    <form action={action} aria-label="Change password" className="flex max-w-sm flex-col gap-4">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.currentPassword}
      />
      <NewPasswordFields state={state} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
