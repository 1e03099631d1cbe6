import { z } from "zod";
import { safeString } from "../validation/safe-string";

/** "read" keys may call the GET endpoints; "write" keys may also declare, update and resolve. */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const createApiKeySchema = z.object({
  name: safeString()
    .trim()
    .min(1, "Name the key after what uses it.")
    .max(100, "At most 100 characters."),
  scope: z.enum(API_KEY_SCOPES, "Pick what the key may do."),
});

export const revokeApiKeySchema = z.object({ keyId: safeString().trim().min(1) });
