import { createElement, type FunctionComponent } from "react";
import { render } from "@react-email/render";
import type { OutboxRow } from "../../db/schema";
import { fillTemplate } from "../../mail/base64-body";
import type { MailMessage } from "../../mail/transport";
import type { ChatRequest } from "../../channels/chat-message";
import type { SlackThreadMessage } from "../../slack-app/thread-message";
import { bulkHeaders, type MailList } from "./bulk-headers";
import type { RenderContext } from "./render-context";

/** What the worker does with one outbox row. */
export type Delivery =
  | { kind: "mail"; message: MailMessage }
  | { kind: "webhook"; url: string; secret: string; body: string }
  /** A Slack, Teams, Discord, Google Chat or Mattermost post. */
  | { kind: "chat"; request: ChatRequest }
  /** A stakeholder channel in Slack app mode: the root of the incident's thread, or a reply in it. */
  | { kind: "slack_app"; message: SlackThreadMessage }
  /** A text through Twilio. */
  | { kind: "sms"; to: string; body: string }
  /** Nothing to send any more (the subscriber left, the update was deleted): recorded, not retried. */
  | { kind: "skip"; reason: string };

type Rendered = { html: string; text: string };

/** Renders kept per template, keyed by their props: a render is a pure function of both. */
const rendered = new WeakMap<FunctionComponent<never>, Map<string, Promise<Rendered>>>();
/**
 * Per template. A fan-out's batches render the same props one after another (each batch
 * reloads the update, so an edit still shows): without this, react-email ran once per batch,
 * tens of milliseconds that held every open SMTP connection still.
 */
const KEPT_RENDERS = 16;

export function renderEmail<P extends object>(
  template: FunctionComponent<P>,
  props: P,
): Promise<Rendered> {
  const kept = rendered.get(template) ?? new Map<string, Promise<Rendered>>();
  rendered.set(template, kept);
  const key = JSON.stringify(props);
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last, so the oldest goes first.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const element = createElement(template, props);
  const rendering = Promise.all([render(element), render(element, { plainText: true })]).then(
    ([html, text]) => ({ html, text }),
  );
  // A failed render is not kept: the next batch tries again.
  rendering.catch(() => kept.get(key) === rendering && kept.delete(key));
  kept.set(key, rendering);
  if (kept.size > KEPT_RENDERS) kept.delete(kept.keys().next().value!);
  return rendering;
}

/**
 * Rows of one event, audience and channel get the same email but for their
 * links: the variant is rendered once per batch (react-email is most of a
 * message's cost) and the per-recipient parts filled in afterwards.
 */
const variantKey = (row: OutboxRow) =>
  `variant:${row.eventType}:${row.subjectId}:${row.audience}:${row.channel}:${JSON.stringify(row.payload)}`;

/** Stand-ins for the per-recipient links while a variant renders; plain words so no renderer rewrites them. */
const MANAGE_SLOT = "https://herald-slot.invalid/manage-7b1f0c";
const UNSUBSCRIBE_SLOT = "https://herald-slot.invalid/unsubscribe-7b1f0c";

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The variant's text and html with this recipient's links, also as template and values (the SMTP transport reuses the variant's encoding). */
function fillLinks(rendered: Rendered, links: { manageUrl: string; unsubscribeUrl: string }) {
  const bodies = {
    text: {
      template: rendered.text,
      fills: [
        [MANAGE_SLOT, links.manageUrl],
        [UNSUBSCRIBE_SLOT, links.unsubscribeUrl],
      ] as const,
    },
    html: {
      template: rendered.html,
      fills: [
        [MANAGE_SLOT, escapeAttribute(links.manageUrl)],
        [UNSUBSCRIBE_SLOT, escapeAttribute(links.unsubscribeUrl)],
      ] as const,
    },
  };
  return { text: fillTemplate(bodies.text), html: fillTemplate(bodies.html), bodies };
}

/**
 * A subscriber email: both links in the footer, and RFC 8058 one-click
 * unsubscribe headers so mail clients show their own "Unsubscribe" button.
 */
export async function subscriberMail<P extends object>(
  ctx: RenderContext,
  row: OutboxRow,
  subject: string,
  template: FunctionComponent<P>,
  props: (footer: { manageUrl: string; unsubscribeUrl: string }) => P,
): Promise<Delivery> {
  const links = ctx.subscriberLinks(row.subscriberId!);
  const variant = await ctx.memo(variantKey(row), () =>
    renderEmail(template, props({ manageUrl: MANAGE_SLOT, unsubscribeUrl: UNSUBSCRIBE_SLOT })),
  );
  return {
    kind: "mail",
    message: {
      to: row.recipient,
      subject,
      ...fillLinks(variant, links),
      idempotencyKey: row.idempotencyKey,
      headers: {
        ...bulkHeaders(ctx, "subscribers"),
        "List-Unsubscribe": `<${links.oneClickUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    },
  };
}

/** A mail to one person that is not a subscription (stakeholders, editors, confirmations). */
export async function directMail<P extends object>(
  ctx: RenderContext,
  row: OutboxRow,
  subject: string,
  template: FunctionComponent<P>,
  props: P,
  { list }: { list?: MailList } = {},
): Promise<Delivery> {
  return {
    kind: "mail",
    message: {
      to: row.recipient,
      subject,
      ...(await ctx.memo(variantKey(row), () => renderEmail(template, props))),
      idempotencyKey: row.idempotencyKey,
      headers: bulkHeaders(ctx, list),
    },
  };
}

export function webhookBody(
  ctx: RenderContext,
  row: OutboxRow,
  page: Record<string, unknown>,
  data: Record<string, unknown>,
): string {
  return JSON.stringify({
    meta: {
      event: row.eventType,
      delivery_id: row.idempotencyKey,
      generated_at: ctx.now.toISOString(),
    },
    page,
    ...data,
  });
}
