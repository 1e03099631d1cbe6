import { createHash } from "node:crypto";
import { connect, type Socket } from "node:net";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Config } from "../config";
import { createResendTransport, type PaceDeps } from "./resend-transport";
import { smtpTlsOptions } from "./smtp-tls";
import { classifySmtpError, DeliveryError } from "./delivery-error";

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

/** Connections a pooled SMTP transport keeps open to the relay: enough that round trips overlap. */
const SMTP_CONNECTIONS = 8;

/**
 * Connections that could not be opened. nodemailer's pool (7.x) keeps the slot
 * of a connection whose custom socket failed to open, busy forever: after
 * `maxConnections` refused connects (a relay restarting) every later message
 * waited for a slot that never came. A pool that met one is replaced.
 */
const connectFailures = new WeakSet<Error>();

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
  const fail = (error: Error) => {
    connectFailures.add(error);
    callback(error);
  };
  socket.once("error", fail).once("connect", () => {
    socket.off("error", fail);
    coalesceWrites(socket);
    callback(null, { connection: socket });
  });
}

/**
 * nodemailer streams a message in many small writes (headers, then the body line by line); with
 * Nagle off each became its own system call and TCP segment, most of the worker's CPU at a
 * thousand messages a second. Writes made in one turn of the event loop now leave together.
 */
function coalesceWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return write(...args);
  }) as Socket["write"];
}

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
    const [nodemailer, { default: SMTPPool }, { default: SMTPTransportClass }] = await Promise.all([
      import("nodemailer"),
      import("nodemailer/lib/smtp-pool/index.js"),
      import("nodemailer/lib/smtp-transport/index.js"),
    ]);
    const options = {
      url: c.SMTP_URL,
      getSocket: noDelaySocket,
      tls: smtpTlsOptions(c),
      // A relay that stops answering must fail the send (and be retried), not hold the worker for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    };
    // The worker keeps a few connections open and sends on them side by side; a one-off (a sign-in link) opens one and lets it go.
    const open = () =>
      nodemailer.createTransport(
        pool
          ? new SMTPPool({ ...options, pool: true, maxConnections: SMTP_CONNECTIONS })
          : new SMTPTransportClass(options),
      );
    let smtp = open();
    const replace = (stuck: typeof smtp) => {
      if (smtp !== stuck) return;
      smtp = open();
      stuck.close();
    };
    return {
      name: "smtp",
      concurrency: pool ? SMTP_CONNECTIONS : 1,
      async send({ idempotencyKey, ...m }) {
        const current = smtp;
        const sending = current
          .sendMail({
            from: c.MAIL_FROM,
            ...m,
            // Base64 is encoded natively; quoted-printable in JavaScript was most of a message's cost at 2,000/s.
            textEncoding: "base64",
            ...(idempotencyKey
              ? {
                  messageId: messageIdFor(idempotencyKey, c.MAIL_FROM),
                  // Otherwise each of a message's three MIME parts draws its own random boundary
                  // (crypto.randomBytes, 6 % of the worker's time at 600 messages a second).
                  baseBoundary: sha(`boundary:${idempotencyKey}`).slice(0, 16),
                }
              : {}),
          })
          .catch((error: unknown) => {
            if (error instanceof Error && connectFailures.has(error)) replace(current);
            return Promise.reject(classifySmtpError(error));
          });
        const answered = await settleWithin(sending, sendTimeoutMs);
        if (answered) return;
        // Whatever else holds a pool's slots (a relay that stopped answering): a fresh pool, and
        // this message retried later.
        replace(current);
        throw new DeliveryError(
          `The SMTP relay did not take the message within ${sendTimeoutMs / 1000} s`,
        );
      },
      close: () => smtp.close(),
    };
  }
  return null;
}
