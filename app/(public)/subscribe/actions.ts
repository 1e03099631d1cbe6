"use server";
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { anonymousActor } from "@/lib/context";
import { actionError, type ActionState } from "@/lib/action-state";
import { clientAddress } from "@/lib/http/client-address";
import { subscribeByEmail } from "@/lib/subscribers/subscribe-by-email";
import { confirmSubscription } from "@/lib/subscribers/confirm-subscription";
import { subscribeByChat } from "@/lib/subscribers/subscribe-by-chat";
import { subscribeBySms } from "@/lib/subscribers/subscribe-by-sms";
import { confirmSmsSubscription } from "@/lib/subscribers/confirm-sms";
import { unsubscribe, updateSubscriptionPreferences } from "@/lib/subscribers/manage-subscription";

export type SubscriptionState = ActionState & { manageToken?: string };

const publicCtx = async () => ({ db: await getDb(), actor: anonymousActor });
const choice = (form: FormData) => ({
  scope: String(form.get("scope") ?? "all"),
  componentIds: form.getAll("componentIds").map(String),
});

const clientKey = async () => clientAddress(await headers());

export async function subscribeAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  try {
    const { message } = await subscribeByEmail({
      ctx: await publicCtx(),
      input: { email: String(form.get("email") ?? ""), ...choice(form) },
      clientKey: await clientKey(),
    });
    return { ok: true, message };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function subscribeChatAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  try {
    const { message } = await subscribeByChat({
      ctx: await publicCtx(),
      input: {
        type: String(form.get("type") ?? ""),
        url: String(form.get("url") ?? ""),
        ...choice(form),
      },
      clientKey: await clientKey(),
    });
    return { ok: true, message };
  } catch (error) {
    return actionError(error, form);
  }
}

/** SMS step one: the number (and choices); on success the form asks for the texted code. */
export async function subscribeSmsAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  try {
    const { message, phone } = await subscribeBySms({
      ctx: await publicCtx(),
      input: {
        phone: String(form.get("phone") ?? ""),
        updates: String(form.get("updates") ?? "changes"),
        ...choice(form),
      },
      clientKey: await clientKey(),
    });
    return { ok: false, message, values: { step: "code", phone } };
  } catch (error) {
    return actionError(error, form);
  }
}

/** SMS step two: the texted code. */
export async function confirmSmsAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  const phone = String(form.get("phone") ?? "");
  try {
    const { message } = await confirmSmsSubscription({
      ctx: await publicCtx(),
      input: { phone, code: String(form.get("code") ?? "") },
      clientKey: await clientKey(),
    });
    return { ok: true, message };
  } catch (error) {
    const state = actionError(error);
    return { ...state, values: { step: "code", phone } };
  }
}

export async function confirmAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  try {
    const { email, manageToken } = await confirmSubscription({
      ctx: await publicCtx(),
      input: { token: form.get("token") },
    });
    return { ok: true, message: `Subscribed: ${email} will receive updates.`, manageToken };
  } catch (error) {
    return actionError(error);
  }
}

export async function savePreferencesAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  try {
    const { message } = await updateSubscriptionPreferences({
      ctx: await publicCtx(),
      input: { token: form.get("token"), ...choice(form) },
    });
    return { ok: true, message };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function unsubscribeAction(
  _prev: SubscriptionState,
  form: FormData,
): Promise<SubscriptionState> {
  try {
    const { who } = await unsubscribe({
      ctx: await publicCtx(),
      input: { token: form.get("token") },
    });
    return { ok: true, message: `Unsubscribed: ${who} will get no more updates.` };
  } catch (error) {
    return actionError(error);
  }
}
