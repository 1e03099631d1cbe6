"use client";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { ComponentChoice, SkipConfirmation, AddButton } from "./form-parts";
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
          <ComponentChoice components={components} />
          <SkipConfirmation>
            The channel&apos;s owners already agreed: start at once, without the activation message
          </SkipConfirmation>
          <div>
            <AddButton pending={pending}>Add chat channel</AddButton>
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
          <AddButton pending={pending}>Add channel</AddButton>
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
          <AddButton pending={pending}>Add Slack channel</AddButton>
        </>
      )}
    </InlineActionForm>
  );
}
