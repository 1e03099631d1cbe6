"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import { CHAT_LABELS } from "@/lib/channels/chat-message";
import { subscribeChatAction, type SubscriptionState } from "../actions";
import { ComponentChoice, type ChoosableComponent } from "./component-choice";

/** Updates in a team's chat: paste the channel's incoming-webhook URL; the channel gets an activation link. */
export function ChatSubscribeForm({ components }: { components: ChoosableComponent[] }) {
  const [state, action, pending] = useActionState<SubscriptionState, FormData>(
    subscribeChatAction,
    {
      ok: false,
    },
  );
  // With JavaScript, submitted by hand: React resets a form after its action, and a native reset
  // puts a select back on its first option, so a refused URL would silently switch the platform.
  // Without JavaScript the form still posts to the same action.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
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
      onSubmit={submit}
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
        <Button type="submit" pending={pending} pendingLabel="Posting…">
          Post an activation link
        </Button>
      </div>
    </form>
  );
}
