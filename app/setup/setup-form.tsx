"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { setUpOwner } from "./actions";

export function SetupForm() {
  const [state, action] = useActionState(setUpOwner, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-4">
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={state.fields?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={state.fields?.password}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Creating…">Create owner account</SubmitButton>
    </form>
  );
}
