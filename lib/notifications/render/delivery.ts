import { createElement, type FunctionComponent } from "react";
import { render } from "@react-email/render";
import type { OutboxRow } from "../../db/schema";
import type { MailMessage } from "../../mail/transport";
import type { RenderContext } from "./render-context";

/** What the worker does with one outbox row. */
export type Delivery =
  | { kind: "mail"; message: MailMessage }
  | { kind: "webhook"; url: string; secret: string; body: string }
  /** Nothing to send any more (the subscriber left, the update was deleted): recorded, not retried. */
  | { kind: "skip"; reason: string };

export async function renderEmail<P extends object>(
  template: FunctionComponent<P>,
  props: P,
): Promise<{ html: string; text: string }> {
  const element = createElement(template, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
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
  const rendered = await renderEmail(
    template,
    props({ manageUrl: links.manageUrl, unsubscribeUrl: links.unsubscribeUrl }),
  );
  return {
    kind: "mail",
    message: {
      to: row.recipient,
      subject,
      ...rendered,
      idempotencyKey: row.idempotencyKey,
      headers: {
        "List-Unsubscribe": `<${links.oneClickUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    },
  };
}

/** A mail to one person that is not a subscription (stakeholders, editors, confirmations). */
export async function directMail<P extends object>(
  row: OutboxRow,
  subject: string,
  template: FunctionComponent<P>,
  props: P,
): Promise<Delivery> {
  return {
    kind: "mail",
    message: {
      to: row.recipient,
      subject,
      ...(await renderEmail(template, props)),
      idempotencyKey: row.idempotencyKey,
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
