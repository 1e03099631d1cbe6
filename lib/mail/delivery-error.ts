/**
 * How a failed send should be treated. `permanent`: retrying cannot help (the
 * relay or provider refused this message for good); `bounce`: the address
 * itself was refused, so it goes on the suppression list. `retryAfterMs`: the
 * provider asked us to slow down; the attempt does not count.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly bounce: boolean;
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    {
      permanent = false,
      bounce = false,
      retryAfterMs = null,
    }: { permanent?: boolean; bounce?: boolean; retryAfterMs?: number | null } = {},
  ) {
    super(message);
    this.name = "DeliveryError";
    this.permanent = permanent || bounce;
    this.bounce = bounce;
    this.retryAfterMs = retryAfterMs;
  }
}

/** What nodemailer attaches to an SMTP failure. */
type SmtpFailure = Error & { responseCode?: number; command?: string; response?: string };

/**
 * A permanent (5xx) answer to RCPT TO is a hard bounce of that address; a 5xx
 * to DATA refuses this message for good. 4xx answers, and 5xx to the
 * connection, AUTH or MAIL FROM (Herald's own configuration, not the
 * recipient), stay retryable.
 */
export function classifySmtpError(error: unknown): unknown {
  const failure = error as SmtpFailure;
  if (!(error instanceof Error) || typeof failure.responseCode !== "number") return error;
  if (failure.responseCode < 500 || failure.responseCode > 599) return error;
  const command = (failure.command ?? "").toUpperCase();
  const answer = failure.response ?? failure.message;
  if (command.startsWith("RCPT")) return new DeliveryError(answer, { bounce: true });
  if (command === "DATA" || command === "DATA END" || command === "MESSAGE")
    return new DeliveryError(answer, { permanent: true });
  return error;
}

/** Retry-After is seconds or an HTTP date; missing or unreadable means one second. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number {
  if (!value) return 1_000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1_000 : Math.max(0, date - now);
}
