"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { savePreferencesAction, type SubscriptionState } from "../actions";
import { ComponentChoice, type ChoosableComponent } from "./component-choice";

export function PreferencesForm({
  token,
  components,
  allComponents,
  chosen,
  active,
}: {
  token: string;
  components: ChoosableComponent[];
  allComponents: boolean;
  chosen: string[];
  active: boolean;
}) {
  const [state, action] = useActionState<SubscriptionState, FormData>(savePreferencesAction, {
    ok: false,
  });
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <ComponentChoice
        components={components}
        allComponents={allComponents}
        chosen={chosen}
        error={state.fields?.componentIds}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <div>
        <SubmitButton pendingLabel="Saving…">
          {active ? "Save preferences" : "Subscribe again with these"}
        </SubmitButton>
      </div>
    </form>
  );
}
