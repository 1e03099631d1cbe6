import { createHash } from "node:crypto";
import { connect, type Socket } from "node:net";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
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
  /** How many `send` calls may run at once (a pooled SMTP transport's connections). */
  concurrency?: number;
  /** Closes pooled connections (the worker, when it stops). */
  close?: () => void;
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

/** Connections a pooled SMTP transport keeps open to the relay. */
const SMTP_CONNECTIONS = 4;

/**
 * Sockets for nodemailer with Nagle's algorithm off. With it on, each message's
 * closing "." waits for the relay to acknowledge the previous write (~40 ms):
 * that capped delivery at ~20 messages a second, and widened the window in
 * which a killed worker has sent a message it never recorded.
 */
function noDelaySocket(
  options: SMTPTransport.Options,
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const socket = connect({
    host: options.host ?? "localhost",
    port: options.port ?? (options.secure ? 465 : 587),
    noDelay: true,
  });
  const fail = (error: Error) => callback(error);
  socket.once("error", fail).once("connect", () => {
    socket.off("error", fail);
    callback(null, { connection: socket });
  });
}

/** Resend when RESEND_API_KEY is set, SMTP when SMTP_URL is set, otherwise none. `pool` keeps SMTP connections open (for the worker). */
export async function createMailTransport(
  c: Config,
  { pool = false } = {},
): Promise<MailTransport | null> {
  if (c.RESEND_API_KEY) {
    const { Resend } = await import("resend");
    // RESEND_BASE_URL points the SDK at a local stand-in in tests.
    const resend = new Resend(
      c.RESEND_API_KEY,
      c.RESEND_BASE_URL ? { baseUrl: c.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined,
    );
    const payload = ({ idempotencyKey: _k, ...m }: MailMessage) => ({ from: c.MAIL_FROM, ...m });
    return {
      name: "resend",
      async send(m) {
        const { error } = await resend.emails.send(payload(m), {
          idempotencyKey: m.idempotencyKey,
        });
        if (error) throw new Error(`Resend: ${error.message}`);
      },
      async sendBatch(messages) {
        const { error } = await resend.batch.send(messages.map(payload), {
          idempotencyKey: batchIdempotencyKey(messages),
        });
        if (error) throw new Error(`Resend batch: ${error.message}`);
      },
    };
  }
  if (c.SMTP_URL) {
    const [nodemailer, { default: SMTPPool }, { default: SMTPTransportClass }] = await Promise.all([
      import("nodemailer"),
      import("nodemailer/lib/smtp-pool"),
      import("nodemailer/lib/smtp-transport"),
    ]);
    const options = { url: c.SMTP_URL, getSocket: noDelaySocket };
    // The worker keeps a few connections open and sends on them side by side; a one-off (a sign-in link) opens one and lets it go.
    const smtp = nodemailer.createTransport(
      pool
        ? new SMTPPool({ ...options, pool: true, maxConnections: SMTP_CONNECTIONS })
        : new SMTPTransportClass(options),
    );
    return {
      name: "smtp",
      concurrency: pool ? SMTP_CONNECTIONS : 1,
      async send({ idempotencyKey, ...m }) {
        await smtp.sendMail({
          from: c.MAIL_FROM,
          ...m,
          ...(idempotencyKey ? { messageId: messageIdFor(idempotencyKey, c.MAIL_FROM) } : {}),
        });
      },
      close: () => smtp.close(),
    };
  }
  return null;
}
