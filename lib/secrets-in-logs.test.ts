import { format } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { logAuthError } from "./auth/log-auth-error";
import { sendSignInLink } from "./auth/send-sign-in-link";
import { parseConfig } from "./config";
import { startServerProcess } from "./start-server-process";
import { describeEachEngine } from "./testing/databases";
import { createMember } from "./testing/factories";
import { startHttpRecorder } from "./testing/http-recorder";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";

/**
 * Server logs end up in log aggregators and bug reports: an operator's
 * misconfiguration or a failing mail provider must not put credentials there.
 */
const SECRETS = {
  AUTH_SECRET: "auth-S3CRET-too-short",
  HERALD_ADMIN_PASSWORD: "adm-S3CRT",
  DATABASE_URL: "mysql://root:db-S3CRET-pass@db.internal/herald",
  SMTP_URL: "http://mailer:smtp-S3CRET-pass@mail.internal",
  AUTH_GITHUB_SECRET: "gh-S3CRET-client-secret",
  OIDC_CLIENT_SECRET: "oidc-S3CRET-client-secret",
  RESEND_API_KEY: "re_S3CRET_api_key",
};
const secretValues = ["S3CRET", "S3CRT", "smtp-pass", ...Object.values(SECRETS)];

let output: string[];
beforeEach(() => {
  output = [];
  for (const method of ["error", "warn", "log", "info", "debug"] as const) {
    // format() renders errors as console does: message, stack and own properties.
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void output.push(format(...args)),
    );
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const expectNoSecretLogged = () => {
  const logged = output.join("\n");
  for (const secret of secretValues) expect(logged).not.toContain(secret);
};

it("a bad configuration names each variable at start-up, never its value", async () => {
  for (const [key, value] of Object.entries(SECRETS)) vi.stubEnv(key, value);
  vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  await expect(startServerProcess()).rejects.toThrow("exit 1");
  const logged = output.join("\n");
  for (const name of [
    "AUTH_SECRET",
    "HERALD_ADMIN_PASSWORD",
    "DATABASE_URL",
    "SMTP_URL",
    "AUTH_GITHUB_ID",
    "OIDC_CLIENT_ID",
  ])
    expect(logged).toContain(name);
  expectNoSecretLogged();
});

describeEachEngine("mail failures", ({ db }) => {
  let resend: Awaited<ReturnType<typeof startHttpRecorder>>;
  let smtp: SmtpSink;
  beforeAll(async () => {
    resend = await startHttpRecorder(() => ({
      status: 401,
      body: { statusCode: 401, name: "validation_error", message: "API key is invalid" },
    }));
    // Accepts no login, so the password in SMTP_URL is sent and refused.
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await resend.close();
    await smtp.close();
  });

  /** A magic link that cannot be delivered, logged the way Auth.js logs it (auth.ts). */
  async function failSignInLink(env: Record<string, string>) {
    const member = await createMember(db(), "editor");
    const error = await sendSignInLink(
      db(),
      parseConfig(env),
      member.email,
      "http://status.test/api/auth/callback/email?token=t",
    ).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    logAuthError(error!);
    expect(output.join("\n")).toContain("[auth]");
  }

  it("Resend refusing the API key", async () => {
    await failSignInLink({ RESEND_API_KEY: SECRETS.RESEND_API_KEY, RESEND_BASE_URL: resend.url });
    expect(resend.requests[0]?.headers.authorization).toBe(`Bearer ${SECRETS.RESEND_API_KEY}`);
    expectNoSecretLogged();
  });

  it("an SMTP server refusing the login, and one that is not there", async () => {
    await failSignInLink({ SMTP_URL: `smtp://herald:smtp-pass-S3CRET@127.0.0.1:${smtp.port}` });
    await failSignInLink({ SMTP_URL: "smtp://herald:smtp-pass-S3CRET@127.0.0.1:1" });
    expectNoSecretLogged();
  });
});
