import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so leaked keys are recognisable (and scannable) as Herald's. */
const KEY_PREFIX = "hrld_";

/**
 * A new key: `hrld_<prefix>_<secret>`. The prefix is stored and shown so owners
 * can tell keys apart; the secret (192 random bits) is never stored, only the
 * SHA-256 of the whole key. A fast hash is enough here: unlike a password, the
 * key is random, so there is nothing to brute-force from the hash.
 */
export function generateApiKey() {
  const prefix = randomBytes(4).toString("hex");
  const key = `${KEY_PREFIX}${prefix}_${randomBytes(24).toString("hex")}`;
  return { key, prefix: `${KEY_PREFIX}${prefix}`, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The key from an `Authorization: Bearer hrld_…` header, or null for anything else. */
export function keyFromBearer(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match && match[1]!.startsWith(KEY_PREFIX) ? match[1]! : null;
}
