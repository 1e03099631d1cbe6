import { createHash } from "node:crypto";
import type { Config } from "../config";

export type MailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /**
   * Same value on every retry of the same message: Resend drops a repeat with
   * the same Idempotency-Key, and SMTP gets a deterministic Message-ID, which
   * mail clients use to fold duplicates.
   */
  idempotencyKey?: string;
};

export type MailTransport = {
  name: "resend" | "smtp" | "dev";
  send: (message: MailMessage) => Promise<void>;
  /** All-or-nothing delivery of up to BATCH_LIMIT messages in one request (Resend's batch API). */
  sendBatch?: (messages: MailMessage[]) => Promise<void>;
};

/** Resend accepts at most 100 emails per batch request. */
export const BATCH_LIMIT = 100;

const sha = (value: string) => createHash("sha256").update(value).digest("hex");

/** A batch's key is derived from its messages' keys, so the same batch retried is the same request to Resend. */
export function batchIdempotencyKey(messages: MailMessage[]): string | undefined {
  const keys = messages.map((m) => m.idempotencyKey);
  if (keys.some((k) => !k)) return undefined;
  return `batch-${sha([...keys].sort().join("\n")).slice(0, 48)}`;
}

/** `<hash@domain-of-MAIL_FROM>`: the same key always yields the same Message-ID. */
export function messageIdFor(idempotencyKey: string, mailFrom: string): string {
  const domain = mailFrom.match(/@([^>\s]+)/)?.[1] ?? "herald.invalid";
  return `<${sha(idempotencyKey).slice(0, 40)}@${domain}>`;
}

/** Resend when RESEND_API_KEY is set, SMTP when SMTP_URL is set, otherwise none. */
export async function createMailTransport(c: Config): Promise<MailTransport | null> {
  if (c.RESEND_API_KEY) {
    const { Resend } = await import("resend");
    // RESEND_BASE_URL points the SDK at a local stand-in in tests.
    const resend = new Resend(c.RESEND_API_KEY, c.RESEND_BASE_URL ? { baseUrl: c.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined);
    const payload = ({ idempotencyKey: _k, ...m }: MailMessage) => ({ from: c.MAIL_FROM, ...m });
    return {
      name: "resend",
      async send(m) {
        const { error } = await resend.emails.send(payload(m), { idempotencyKey: m.idempotencyKey });
        if (error) throw new Error(`Resend: ${error.message}`);
      },
      async sendBatch(messages) {
        const { error } = await resend.batch.send(messages.map(payload), { idempotencyKey: batchIdempotencyKey(messages) });
        if (error) throw new Error(`Resend batch: ${error.message}`);
      },
    };
  }
  if (c.SMTP_URL) {
    const nodemailer = await import("nodemailer");
    const smtp = nodemailer.createTransport(c.SMTP_URL);
    return {
      name: "smtp",
      async send({ idempotencyKey, ...m }) {
        await smtp.sendMail({ from: c.MAIL_FROM, ...m, ...(idempotencyKey ? { messageId: messageIdFor(idempotencyKey, c.MAIL_FROM) } : {}) });
      },
    };
  }
  return null;
}
