"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { CHAT_LABELS } from "@/lib/channels/chat-message";
import { subscribeChatAction, type SubscriptionState } from "../actions";
import { ComponentChoice, type ChoosableComponent } from "./component-choice";

/** Updates in a team's chat: paste the channel's incoming-webhook URL; the channel gets an activation link. */
export function ChatSubscribeForm({ components }: { components: ChoosableComponent[] }) {
  const [state, action] = useActionState<SubscriptionState, FormData>(subscribeChatAction, {
    ok: false,
  });
  // A fresh form per answer: a native form reset would put the platform back to the first option.
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setGeneration((g) => g + 1);
  }
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
    <form
      action={action}
      aria-label="Post updates to a chat channel"
      className="flex max-w-xl flex-col gap-5"
    >
      <SelectField
        id="chat-platform"
        label="Chat platform"
        name="type"
        options={Object.entries(CHAT_LABELS)}
        defaultValue={state.values?.type}
        error={f.type}
      />
      <Field
        label="Incoming webhook URL"
        name="url"
        type="url"
        required
        hint="Create an incoming webhook (in Teams: a Workflows webhook) for the channel and paste its URL."
        defaultValue={state.values?.url}
        error={f.url}
      />
      <ComponentChoice
        components={components}
        allComponents={(state.values?.scope ?? "all") === "all"}
        chosen={[]}
        error={f.componentIds}
      />
      <FormMessage ok={false} message={state.message} />
      <div>
        <SubmitButton pendingLabel="Posting…">Post an activation link</SubmitButton>
      </div>
    </form>
  );
}
