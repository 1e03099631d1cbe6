import { z } from "zod";
import { isAddressOrCidr, trustedProxyList } from "./http/trusted-proxies";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = (protocols: RegExp, hint: string) =>
  optionalString.refine(
    (v) => v === undefined || (URL.canParse(v) && protocols.test(new URL(v).protocol)),
    {
      message: `must be a ${hint} URL`,
    },
  );
const onOff = z.enum(["on", "off"]);

const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address to listen on; unset listens on every interface. */
  HOST: z.string().trim().min(1).optional(),
  /** Public base URL, used in emails, feeds and the Statuspage API. */
  HERALD_URL: optionalUrl(/^https?:$/, "http(s)"),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:$/, "postgres://"),
  HERALD_DATA_DIR: z.string().trim().min(1).default("./.data"),
  HERALD_SEED: onOff.default("on"),
  HERALD_WORKER: onOff.default("on"),
  HERALD_ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  HERALD_ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(10, "must be at least 10 characters").optional(),
  ),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  MAIL_FROM: z.string().trim().default("Herald <status@localhost>"),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalUrl(/^https?:$/, "http(s)"),
  /** Resend API requests per second (the account's rate limit; Resend's default is 2). */
  RESEND_RATE_LIMIT: z.coerce.number().positive().max(1000).default(2),
  /** Signing secret of Resend's webhook (whsec_…): bounces and complaints reach /api/webhooks/resend. */
  RESEND_WEBHOOK_SECRET: optionalString.pipe(
    z.string().startsWith("whsec_", "must be Resend's signing secret (whsec_…)").optional(),
  ),
  SMTP_URL: optionalUrl(/^smtps?:$/, "smtp:// or smtps://"),
  /** PEM file of a private CA the SMTP relay's certificate is signed by (added to the public roots). */
  SMTP_CA_FILE: optionalString,
  /** Sent outbox rows and development-outbox mail older than this are pruned (counts kept). */
  HERALD_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Slack app mode for stakeholder channels (one thread per incident): the app's bot token. */
  SLACK_BOT_TOKEN: optionalString.pipe(
    z.string().startsWith("xoxb-", "must be a Slack bot token (xoxb-…)").optional(),
  ),
  /** Slack's Web API base URL; tests point it at a loopback stand-in. */
  SLACK_API_URL: optionalUrl(/^https?:$/, "http(s)"),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  OIDC_ISSUER: optionalUrl(/^https?:$/, "http(s)"),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.string().trim().default("Single sign-on"),
  /** Twilio account (AC…) that sends SMS; with the token and a sender, the SMS channel is on. */
  TWILIO_ACCOUNT_SID: optionalString,
  /** Twilio auth token: Basic auth for sending, and the key of X-Twilio-Signature on inbound STOP/START. */
  TWILIO_AUTH_TOKEN: optionalString,
  /** Sender number in E.164 (or an alphanumeric sender id where allowed). */
  TWILIO_FROM: optionalString,
  /** A Messaging Service (MG…) to send from instead of TWILIO_FROM. */
  TWILIO_MESSAGING_SERVICE_SID: optionalString,
  /** Twilio's API base; tests point it at a loopback stand-in. */
  TWILIO_API_URL: optionalUrl(/^https?:$/, "http(s)").transform(
    (v) => v ?? "https://api.twilio.com",
  ),
  /**
   * Lets webhooks (and every other outbound request) reach loopback, private and
   * link-local addresses. Off: an editor cannot make Herald call internal services.
   */
  HERALD_ALLOW_PRIVATE_URLS: optionalString
    .pipe(z.stringbool().optional())
    .transform((v) => v ?? false),
  /**
   * Comma-separated addresses or CIDRs of the reverse proxies in front of Herald.
   * Only a connection from one of them may name the client in X-Forwarded-For;
   * unset, rate limits key on the connection's own address.
   */
  HERALD_TRUSTED_PROXIES: optionalString.pipe(
    z
      .string()
      .refine((v) => trustedProxyList(v).every(isAddressOrCidr), {
        message: "must be IP addresses or CIDRs, comma-separated",
      })
      .optional(),
  ),
});

/** Variables that only make sense together; checked on the raw environment so they are reported alongside other errors. */
const REQUIRED_TOGETHER: [string, string][] = [
  ["HERALD_ADMIN_EMAIL", "HERALD_ADMIN_PASSWORD"],
  ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
  ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
  ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
  ["OIDC_CLIENT_ID", "OIDC_ISSUER"],
  ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"],
];

function missingCompanions(env: Record<string, string | undefined>): string[] {
  const set = (k: string) => Boolean(env[k]?.trim());
  return REQUIRED_TOGETHER.flatMap(([a, b]) => {
    if (set(a) && !set(b)) return [`${b}: is required when ${a} is set`];
    if (set(b) && !set(a) && b !== "OIDC_ISSUER") return [`${a}: is required when ${b} is set`];
    return [];
  });
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  const problems = [
    ...(result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? []),
    ...missingCompanions(env),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function mailTransportConfigured(c: Config = config()): boolean {
  return Boolean(c.RESEND_API_KEY || c.SMTP_URL);
}

/** The public base URL without a trailing slash. */
export function baseUrl(c: Config = config()): string {
  return (c.HERALD_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, "");
}

/** Twilio credentials and a sender: SMS subscriptions are offered and sent only then. */
export function smsConfigured(c: Config = config()): boolean {
  return Boolean(
    c.TWILIO_ACCOUNT_SID &&
    c.TWILIO_AUTH_TOKEN &&
    (c.TWILIO_FROM || c.TWILIO_MESSAGING_SERVICE_SID),
  );
}
