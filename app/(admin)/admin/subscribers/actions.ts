"use server";
import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import {
  addWebhookSubscriber,
  reenableWebhook,
  removeSubscriber,
} from "@/lib/webhooks/manage-webhooks";
import { addStakeholder, removeStakeholder } from "@/lib/stakeholders/stakeholders";
import { addStakeholderChat } from "@/lib/stakeholders/stakeholder-chats";
import { addStakeholderSlackChannel } from "@/lib/stakeholders/stakeholder-slack-app";
import { slackAppConfigured } from "@/lib/slack-app/slack-client";
import { addStakeholderSms } from "@/lib/stakeholders/stakeholder-sms";
import { addSubscriber } from "@/lib/subscribers/add-subscriber";
import { clearSuppression } from "@/lib/deliverability/manage-suppressions";

type Write = (args: {
  ctx: Awaited<ReturnType<typeof requestCtx>>;
  input: unknown;
}) => Promise<unknown>;

/** Every console form here: parse the form, call the domain function, refresh the page. */
function formAction(
  write: Write,
  input: (form: FormData) => unknown,
  done: (result: unknown) => string,
  path: string,
) {
  return async (form: FormData): Promise<ActionState> => {
    try {
      const result = await write({ ctx: await requestCtx(), input: input(form) });
      revalidatePath(path);
      return { ok: true, message: done(result) };
    } catch (error) {
      return actionError(error, form);
    }
  };
}

const byId = (form: FormData) => ({ id: String(form.get("id") ?? "") });

const addWebhook = formAction(
  addWebhookSubscriber,
  (form) => ({
    url: String(form.get("url") ?? ""),
    componentIds: form.getAll("componentIds").map(String),
  }),
  (row) =>
    `Webhook added. Its signing secret, shown only now: ${(row as { webhookSecret: string }).webhookSecret}`,
  "/admin/subscribers",
);
const reenable = formAction(
  reenableWebhook,
  byId,
  () => "Webhook re-enabled.",
  "/admin/subscribers",
);
const remove = formAction(
  removeSubscriber,
  byId,
  () => "Subscriber removed.",
  "/admin/subscribers",
);
const addPerson = formAction(
  addStakeholder,
  (form) => ({
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    title: String(form.get("title") ?? ""),
  }),
  () => "Added to the stakeholder list.",
  "/admin/stakeholders",
);
const removePerson = formAction(
  removeStakeholder,
  byId,
  () => "Removed from the stakeholder list.",
  "/admin/stakeholders",
);

const addChat = formAction(
  addSubscriber,
  (form) => ({
    type: String(form.get("type") ?? ""),
    url: String(form.get("url") ?? ""),
    components: form.getAll("components").map(String),
    skip_confirmation: form.get("skip_confirmation") === "true",
  }),
  (result) =>
    (result as { subscriber: { state: string } }).subscriber.state === "active"
      ? "Chat channel added: updates start now."
      : "Chat channel added: it starts once someone there opens the activation link we posted.",
  "/admin/subscribers",
);
const addSms = formAction(
  addSubscriber,
  (form) => ({
    type: "sms",
    phone: String(form.get("phone") ?? ""),
    sms_updates: String(form.get("sms_updates") ?? "changes"),
    components: form.getAll("components").map(String),
    skip_confirmation: form.get("skip_confirmation") === "true",
  }),
  (result) =>
    (result as { subscriber: { state: string } }).subscriber.state === "active"
      ? "SMS subscriber added: texts start now."
      : "SMS subscriber added: texts start once the code we sent is entered at /subscribe/sms.",
  "/admin/subscribers",
);
const addTeamChat = formAction(
  addStakeholderChat,
  (form) => ({ type: String(form.get("type") ?? ""), url: String(form.get("url") ?? "") }),
  () => "Chat channel added to the stakeholder list.",
  "/admin/stakeholders",
);
const addTeamSlackApp = formAction(
  ({ ctx, input }) => addStakeholderSlackChannel({ ctx, input, enabled: slackAppConfigured() }),
  (form) => ({ channelId: String(form.get("channelId") ?? "") }),
  () => "Slack channel added: each incident gets one thread there. Invite the Herald app to it.",
  "/admin/stakeholders",
);
const addTeamSms = formAction(
  addStakeholderSms,
  (form) => ({
    phone: String(form.get("phone") ?? ""),
    updates: String(form.get("updates") ?? "changes"),
  }),
  () => "Number added to the stakeholder list.",
  "/admin/stakeholders",
);
const removeTeamChat = formAction(
  removeSubscriber,
  byId,
  () => "Chat channel removed from the stakeholder list.",
  "/admin/stakeholders",
);
const reenableTeamChat = formAction(
  reenableWebhook,
  byId,
  () => "Chat channel re-enabled.",
  "/admin/stakeholders",
);

const unsuppress = formAction(
  clearSuppression,
  (form) => ({ email: String(form.get("id") ?? "") }),
  () => "The address will be mailed again.",
  "/admin/subscribers",
);

export async function clearSuppressionAction(_prev: ActionState, form: FormData) {
  return unsuppress(form);
}
export async function addWebhookAction(_prev: ActionState, form: FormData) {
  return addWebhook(form);
}
export async function reenableWebhookAction(_prev: ActionState, form: FormData) {
  return reenable(form);
}
export async function removeSubscriberAction(_prev: ActionState, form: FormData) {
  return remove(form);
}
export async function addStakeholderAction(_prev: ActionState, form: FormData) {
  return addPerson(form);
}
export async function removeStakeholderAction(_prev: ActionState, form: FormData) {
  return removePerson(form);
}
export async function addChatSubscriberAction(_prev: ActionState, form: FormData) {
  return addChat(form);
}
export async function addStakeholderChatAction(_prev: ActionState, form: FormData) {
  return addTeamChat(form);
}
export async function addStakeholderSlackAppAction(_prev: ActionState, form: FormData) {
  return addTeamSlackApp(form);
}
export async function removeStakeholderChatAction(_prev: ActionState, form: FormData) {
  return removeTeamChat(form);
}
export async function reenableStakeholderChatAction(_prev: ActionState, form: FormData) {
  return reenableTeamChat(form);
}
export async function addSmsSubscriberAction(_prev: ActionState, form: FormData) {
  return addSms(form);
}
export async function addStakeholderSmsAction(_prev: ActionState, form: FormData) {
  return addTeamSms(form);
}
