"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { subscribeAction, type SubscriptionState } from "../actions";
import { ComponentChoice, type ChoosableComponent } from "./component-choice";

export function SubscribeForm({ components }: { components: ChoosableComponent[] }) {
  const [state, action] = useActionState<SubscriptionState, FormData>(subscribeAction, {
    ok: false,
  });
  if (state.ok) {
    return (
      <p
        role="status"
        className="rounded-md border border-green-700 p-4 text-green-900 dark:text-green-300"
      >
        {state.message}
      </p>
    );
  }
  const f = state.fields ?? {};
  return (
    <form action={action} className="flex max-w-xl flex-col gap-5">
      <Field
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={f.email}
      />
      <ComponentChoice
        components={components}
        allComponents={(state.values?.scope ?? "all") === "all"}
        chosen={[]}
        error={f.componentIds}
      />
      <FormMessage ok={false} message={state.message} />
      <div>
        <SubmitButton pendingLabel="Subscribing…">Subscribe</SubmitButton>
      </div>
    </form>
  );
}
