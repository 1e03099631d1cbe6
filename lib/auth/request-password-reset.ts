import { createHash, randomBytes } from "node:crypto";
import { createElement } from "react";
import { and, eq, lt } from "drizzle-orm";
import { render } from "@react-email/render";
import type { Ctx } from "../context";
import { passwordResetTokens } from "../db/schema";
import { HeraldError } from "../errors";
import { consumeIfAllowed, consumeOrRefuse, memoryLimiter } from "../http/rate-limit";
import type { MailTransport } from "../mail/transport";
import { getPageSettings } from "../settings/get-page-settings";
import PasswordReset from "../../emails/password-reset";
import { findUserByEmail } from "./find-user-by-email";
import { forgotPasswordSchema } from "./schemas";

export const RESET_LINK_MINUTES = 30;
/** Requests per client address, answered "too many" past the budget (the same for any address asked about). */
const perClient = () => memoryLimiter("password-reset-client", 5, 15 * 60);
/** Mails per member: past it requests are dropped silently, so nobody can flood an inbox. */
const perMember = () => memoryLimiter("password-reset-member", 3, 60 * 60);

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Forgot password: mails a member a link holding a random 256-bit token, good
 * for one use within RESET_LINK_MINUTES; only its hash is stored. The caller
 * shows the same answer whether or not the address belongs to a member, and a
 * failed delivery is logged rather than reported, for the same reason.
 */
export async function requestPasswordReset({
  ctx,
  input,
  client,
  transport,
  baseUrl,
}: {
  ctx: Ctx;
  input: unknown;
  client: string;
  transport: MailTransport;
  /** The public base URL the link points at. */
  baseUrl: string;
}): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  await consumeOrRefuse(perClient(), client, (wait) => `Too many requests. ${wait}`);
  const user = await findUserByEmail(ctx.db, parsed.data.email);
  if (!user || !(await consumeIfAllowed(perMember(), user.id))) return;
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await ctx.db
    .delete(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, user.id), lt(passwordResetTokens.expiresAt, now)));
  await ctx.db.insert(passwordResetTokens).values({
    tokenHash: hashResetToken(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
  });
  const settings = await getPageSettings(ctx.db);
  const element = createElement(PasswordReset, {
    brand: {
      pageName: settings.name,
      brandColor: settings.brandColor,
      logoUrl: settings.logoUrl,
      pageUrl: baseUrl,
    },
    url: `${baseUrl}/signin/reset?token=${token}`,
    minutes: RESET_LINK_MINUTES,
  });
  try {
    await transport.send({
      to: user.email,
      subject: `Reset your ${settings.name} password`,
      html: await render(element),
      text: await render(element, { plainText: true }),
    });
  } catch (error) {
    console.error("[herald] password reset mail not sent:", (error as Error).message);
  }
}
