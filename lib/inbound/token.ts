import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Recognisable as Herald's inbound tokens if one leaks into a log or a repository. */
const TOKEN_PREFIX = "hrin_";

/** 192 random bits; only the SHA-256 is stored (see the integrations table). */
export function generateInboundToken() {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("hex")}`;
  return { token, tokenHash: hashInboundToken(token) };
}

export function hashInboundToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of a presented token with the stored hash. */
export function tokenMatches(presented: string | null, storedHash: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(hashInboundToken(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …`, or null. */
export function tokenFromBearer(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}
