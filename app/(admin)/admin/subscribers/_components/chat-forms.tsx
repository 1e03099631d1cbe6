"use client";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CHAT_LABELS } from "@/lib/channels/chat-message";
import {
  addChatSubscriberAction,
  addStakeholderChatAction,
  addStakeholderSlackAppAction,
} from "../actions";

const PLATFORMS = Object.entries(CHAT_LABELS);

/** A chat channel for public updates: confirmed by a message posted to it, unless the editor says it already agreed. */
export function AddChatSubscriberForm({
  components,
}: {
  components: { id: string; name: string }[];
}) {
  return (
    <InlineActionForm
      action={addChatSubscriberAction}
      label="Add a chat channel"
      className="flex flex-col gap-3"
    >
      {(state, pending) => (
        <>
          <SelectField
            id="chat-type"
            label="Platform"
            name="type"
            options={PLATFORMS}
            defaultValue={state.values?.type}
            error={state.fields?.type}
          />
          <Field
            label="Channel URL"
            hint="The channel's incoming webhook URL, from the chat platform's settings."
            name="url"
            type="url"
            required
            placeholder="https://hooks.slack.com/services/…"
            defaultValue={state.values?.url}
            error={state.fields?.url}
          />
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
            <legend className="mb-1 text-sm font-medium">
              Only these components (none ticked: all)
            </legend>
            {components.map((c) => (
              <label key={c.id} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name="components" value={c.id} /> {c.name}
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="skip_confirmation" value="true" /> The channel&apos;s
            owners already agreed: start at once, without the activation message
          </label>
          <div>
            <Button type="submit" pending={pending} pendingLabel="Adding…">
              Add chat channel
            </Button>
          </div>
        </>
      )}
    </InlineActionForm>
  );
}

export function AddStakeholderChatForm() {
  return (
    <InlineActionForm
      action={addStakeholderChatAction}
      label="Add a stakeholder chat channel"
      className="grid gap-3 sm:grid-cols-[auto_1fr_auto] sm:items-end"
    >
      {(state, pending) => (
        <>
          <SelectField
            id="stakeholder-chat-type"
            label="Platform"
            name="type"
            options={PLATFORMS}
            defaultValue={state.values?.type}
            error={state.fields?.type}
          />
          <Field
            label="Channel URL"
            hint="The channel's incoming webhook URL, from the chat platform's settings."
            name="url"
            type="url"
            required
            defaultValue={state.values?.url}
            error={state.fields?.url}
          />
          <Button type="submit" pending={pending} pendingLabel="Adding…">
            Add channel
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}

/** Slack app mode (SLACK_BOT_TOKEN): a channel by id, one thread per incident. */
export function AddStakeholderSlackAppForm() {
  return (
    <InlineActionForm
      action={addStakeholderSlackAppAction}
      label="Add a Slack channel (app)"
      className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end"
    >
      {(state, pending) => (
        <>
          <Field
            label="Slack channel id (app)"
            hint="In Slack: the channel's details, at the bottom (C0123ABCD). Invite the Herald app to the channel first."
            name="channelId"
            required
            placeholder="C0123ABCD"
            defaultValue={state.values?.channelId}
            error={state.fields?.channelId}
          />
          <Button type="submit" pending={pending} pendingLabel="Adding…">
            Add Slack channel
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
