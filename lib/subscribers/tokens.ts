import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { appSecrets } from "../db/schema";

/**
 * Two kinds of subscriber tokens:
 * - confirmation: random, single use, stored only as a SHA-256 (subscriber_tokens);
 * - manage/unsubscribe links in every email: HMAC-signed and expiring, so the
 *   worker can mint one per message without writing a row per message.
 */
export const CONFIRM_TOKEN_TTL_MS = 48 * 3_600_000;
/** Long enough that an old email's unsubscribe link still works; short enough to expire. */
export const LINK_TOKEN_TTL_MS = 180 * 86_400_000;

export type LinkPurpose = "manage" | "unsubscribe";

export function newRandomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The signing key for link tokens, generated once and shared by every instance through the database. */
export async function linkSecret(db: Db): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ key: "subscriber_link_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(appSecrets)
    .where(eq(appSecrets.key, "subscriber_link_secret"));
  return row!.value;
}

const mac = (secret: string, data: string) =>
  createHmac("sha256", secret).update(data).digest("base64url");

/** `<subscriberId>.<purpose>.<expiry in base36 seconds>.<mac>`: URL-safe and self-describing. */
export function signLinkToken(
  secret: string,
  subscriberId: string,
  purpose: LinkPurpose,
  now = new Date(),
): string {
  const expires = Math.floor((now.getTime() + LINK_TOKEN_TTL_MS) / 1000).toString(36);
  const data = `${subscriberId}.${purpose}.${expires}`;
  return `${data}.${mac(secret, data)}`;
}

/**
 * The subscriber a link token names, or null if it is forged, expired, or for
 * another purpose. A manage token may also unsubscribe (the manage page has the button).
 */
export function verifyLinkToken(
  secret: string,
  token: string,
  purpose: LinkPurpose,
  now = new Date(),
): string | null {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [subscriberId, tokenPurpose, expires, signature] = parts as [
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(mac(secret, `${subscriberId}.${tokenPurpose}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (parseInt(expires, 36) * 1000 < now.getTime()) return null;
  if (tokenPurpose !== purpose && !(purpose === "unsubscribe" && tokenPurpose === "manage"))
    return null;
  return subscriberId;
}
