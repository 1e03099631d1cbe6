import type { ActionState } from "@/lib/action-state";
import { Field } from "./field";

/** "New password" typed twice, as every password form asks it; field errors come from the domain's schema. */
export function NewPasswordFields({ state }: { state: ActionState }) {
  return (
    <>
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        minLength={10}
        required
        error={state.fields?.newPassword}
      />
      <Field
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={state.fields?.confirmPassword}
      />
    </>
  );
}
