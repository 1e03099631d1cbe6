"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import {
  requestPasswordResetAction,
  resetPasswordAction,
  setFirstPasswordAction,
} from "./password-actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-4">
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Sending…">Email me a reset link</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}

export function FirstPasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(setFirstPasswordAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <NewPasswordFields state={state} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Set my password</SubmitButton>
    </form>
  );
}
