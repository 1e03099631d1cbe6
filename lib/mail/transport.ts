import { createHash } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser/index.js";
import type { Config } from "../config";
import { createResendTransport, type PaceDeps } from "./resend-transport";
import { smtpTlsOptions } from "./smtp-tls";
import { classifySmtpError, DeliveryError } from "./delivery-error";
import { buildMimeMessage, type MimeParts } from "./mime-message";
import { createSmtpPool } from "./smtp-pool";

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
  /** The same text and html as the variant's templates and this recipient's values (the SMTP transport encodes from the variant's first message). */
  bodies?: MimeParts["bodies"];
};

/**
 * What the recipient gets, for transports that take the email as fields (Resend's API, the
 * development mailbox): named one by one, so what travels with a message for the worker's own use
 * (its key, the templates behind its bodies) never reaches a provider.
 */
export function emailAsSent({ to, subject, html, text, headers }: MailMessage) {
  return { to, subject, html, text, headers };
}

/** One message of a batch: accepted (with the provider's id for its webhooks) or refused. */
export type BatchOutcome = { ok: true; providerMessageId?: string } | { ok: false; error: Error };

export type MailTransport = {
  name: "resend" | "smtp" | "dev";
  /** Throws on failure; a DeliveryError says whether retrying can help. */
  send: (message: MailMessage) => Promise<{ providerMessageId?: string } | void>;
  /**
   * Up to BATCH_LIMIT messages in one request (Resend's batch API): one
   * outcome per message, in order. Throws when the whole request failed (a
   * DeliveryError with retryAfterMs when rate-limited).
   */
  sendBatch?: (messages: MailMessage[]) => Promise<BatchOutcome[]>;
  /** How many `send` calls may run at once (a pooled SMTP transport's connections). */
  concurrency?: number;
  /** Closes pooled connections (the worker, when it stops). */
  close?: () => void;
};

/** Resend accepts at most 100 emails per batch request. */
export const BATCH_LIMIT = 100;

export const sha = (value: string) => createHash("sha256").update(value).digest("hex");

/** A batch's key is derived from its messages' keys, so the same batch retried is the same request to Resend. */
export function batchIdempotencyKey(messages: MailMessage[]): string | undefined {
  const keys = messages.map((m) => m.idempotencyKey);
  if (keys.some((k) => !k)) return undefined;
  return `batch-${sha([...keys].sort().join("\n")).slice(0, 48)}`;
}

/** The bare address of MAIL_FROM (`"Status" <status@example.com>` → status@example.com), for the envelope. */
function addressOf(mailFrom: string): string {
  const [first] = addressparser(mailFrom, { flatten: true });
  return first?.address || mailFrom;
}

/** `<hash@domain-of-MAIL_FROM>`: the same key always yields the same Message-ID. */
export function messageIdFor(idempotencyKey: string, mailFrom: string): string {
  const domain = mailFrom.match(/@([^>\s]+)/)?.[1] ?? "herald.invalid";
  return `<${sha(idempotencyKey).slice(0, 40)}@${domain}>`;
}

/** A send not answered by then fails (and is retried); the pool is replaced. Well above a relay's normal pace. */
const SMTP_SEND_TIMEOUT_MS = 25_000;

/** True when `promise` settled in time (rethrowing its error); false when it did not. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Connections the worker keeps open to the relay: enough that round trips overlap. */
const SMTP_CONNECTIONS = 16;

/** Resend when RESEND_API_KEY is set, SMTP when SMTP_URL is set, otherwise none. `pool` keeps SMTP connections open (for the worker). */
export async function createMailTransport(
  c: Config,
  {
    pool = false,
    pacing,
    sendTimeoutMs = SMTP_SEND_TIMEOUT_MS,
  }: { pool?: boolean; pacing?: PaceDeps; sendTimeoutMs?: number } = {},
): Promise<MailTransport | null> {
  if (c.RESEND_API_KEY) return createResendTransport(c, pacing);
  if (c.SMTP_URL) {
    // The worker keeps a few connections open and sends on them side by side; a one-off (a sign-in link) opens one and lets it go.
    const smtp = createSmtpPool({
      url: c.SMTP_URL,
      tls: smtpTlsOptions(c),
      connections: pool ? SMTP_CONNECTIONS : 1,
      keepOpen: pool,
    });
    const envelopeFrom = addressOf(c.MAIL_FROM);
    return {
      name: "smtp",
      concurrency: pool ? SMTP_CONNECTIONS : 1,
      async send({ idempotencyKey, to, ...m }) {
        const raw = buildMimeMessage({
          from: c.MAIL_FROM,
          to,
          ...m,
          ...(idempotencyKey
            ? {
                messageId: messageIdFor(idempotencyKey, c.MAIL_FROM),
                baseBoundary: sha(`boundary:${idempotencyKey}`).slice(0, 16),
              }
            : {}),
        });
        const sending = smtp
          .send({ from: envelopeFrom, to }, raw)
          .catch((error: unknown) => Promise.reject(classifySmtpError(error)));
        const answered = await settleWithin(sending, sendTimeoutMs);
        if (answered) return;
        // A relay that stopped answering: that connection goes, and this message is retried later.
        smtp.abandon(raw);
        throw new DeliveryError(
          `The SMTP relay did not take the message within ${sendTimeoutMs / 1000} s`,
        );
      },
      close: () => smtp.close(),
    };
  }
  return null;
}
